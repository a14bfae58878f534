"use client";
// A region's shipping options in the back office: price and requirements of each, and adding,
// changing, switching off/on and deleting them. A switched-off option (admin_only) stays here but
// shoppers are no longer offered it; deleting one that orders used switches it off instead.
import { useState } from "react";
import { adminClient, type AdminRegion, type AdminShippingOption, type ShippingRequirement } from "@/lib/sdk/admin";
import { moneyText } from "@/lib/commerce/money-text";
import { TextField } from "@/components/ui/text-field";
import { formatPlain, parseMoney } from "./money-input";
import { ConfirmDelete } from "./confirm-delete";

/** Runs an Admin API call for the page: busy state, notices, sign-in on 401. True when it worked. */
export type RunAction = (action: () => Promise<string>) => Promise<boolean>;

type OptionChange = { upsert?: AdminShippingOption; removedId?: string };

export function requirementText(option: AdminShippingOption, currencyCode: string): string {
  const min = option.requirements.find((requirement) => requirement.type === "min_subtotal");
  const max = option.requirements.find((requirement) => requirement.type === "max_subtotal");
  if (min && max) return `for subtotals from ${moneyText(min.amount, currencyCode)} up to below ${moneyText(max.amount, currencyCode)}`;
  if (min) return `for subtotals from ${moneyText(min.amount, currencyCode)}`;
  if (max) return `for subtotals below ${moneyText(max.amount, currencyCode)}`;
  return "for every cart";
}

type Fields = { name: string; price: string; min: string; max: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

/** The form's text as the Admin API's input, or the errors to show beside the fields. */
function readFields(fields: Fields, currencyCode: string): { errors: FieldErrors } | { input: { name: string; amount: number; requirements: ShippingRequirement[] } } {
  const errors: FieldErrors = {};
  const example = formatPlain(495, currencyCode);
  if (!fields.name.trim()) errors.name = "Enter a name shoppers will see, such as Standard Shipping";
  const amount = parseMoney(fields.price, currencyCode);
  if (amount === null) errors.price = `Enter a price such as ${example} (0 for free shipping)`;
  const requirements: ShippingRequirement[] = [];
  for (const [key, type] of [["min", "min_subtotal"], ["max", "max_subtotal"]] as const) {
    if (!fields[key].trim()) continue;
    const value = parseMoney(fields[key], currencyCode);
    if (value === null) errors[key] = `Enter an amount such as ${formatPlain(5000, currencyCode)}, or leave it empty`;
    else requirements.push({ type, amount: value });
  }
  const min = requirements.find((requirement) => requirement.type === "min_subtotal");
  const max = requirements.find((requirement) => requirement.type === "max_subtotal");
  if (min && max && min.amount >= max.amount) errors.max = "Must be more than the minimum subtotal, or no cart could use the option";
  if (Object.keys(errors).length || amount === null) return { errors };
  return { input: { name: fields.name.trim(), amount, requirements } };
}

function OptionFields({ idPrefix, fields, errors, currencyCode, onChange }: { idPrefix: string; fields: Fields; errors: FieldErrors; currencyCode: string; onChange: (fields: Fields) => void }) {
  const currency = currencyCode.toUpperCase();
  const set = (key: keyof Fields) => (event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...fields, [key]: event.target.value });
  return (
    <>
      <TextField id={`${idPrefix}-name`} label="Name" value={fields.name} onChange={set("name")} error={errors.name} autoComplete="off" maxLength={100} />
      <TextField id={`${idPrefix}-price`} label={`Price (${currency})`} inputMode="decimal" value={fields.price} onChange={set("price")} error={errors.price} autoComplete="off" />
      <TextField id={`${idPrefix}-min`} label={`Only for subtotals from (${currency})`} inputMode="decimal" optional value={fields.min} onChange={set("min")} error={errors.min} autoComplete="off" />
      <TextField id={`${idPrefix}-max`} label={`Only for subtotals below (${currency})`} inputMode="decimal" optional value={fields.max} onChange={set("max")} error={errors.max} autoComplete="off" />
    </>
  );
}

function fieldsOf(option: AdminShippingOption, currencyCode: string): Fields {
  const requirement = (type: string) => option.requirements.find((candidate) => candidate.type === type);
  const min = requirement("min_subtotal");
  const max = requirement("max_subtotal");
  return {
    name: option.name,
    price: formatPlain(option.amount, currencyCode),
    min: min ? formatPlain(min.amount, currencyCode) : "",
    max: max ? formatPlain(max.amount, currencyCode) : "",
  };
}

const EMPTY: Fields = { name: "", price: "", min: "", max: "" };

export function RegionShippingOptions({
  region,
  options,
  busy,
  run,
  onChange,
}: {
  region: AdminRegion;
  options: AdminShippingOption[];
  busy: boolean;
  run: RunAction;
  onChange: (change: OptionChange) => void;
}) {
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const headingId = `region-${region.id}-shipping-heading`;
  const currency = region.currency_code;

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const read = readFields(fields, currency);
    if ("errors" in read) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    const worked = await run(async () => {
      const created = await adminClient.shippingOptions.create({ ...read.input, region_id: region.id, provider_id: "manual", price_type: "flat_rate" });
      onChange({ upsert: created });
      return `${region.name}: ${created.name} added; shoppers are offered it ${requirementText(created, currency)}.`;
    });
    if (worked) setFields(EMPTY);
  }

  return (
    <section aria-labelledby={headingId} className="admin-shipping">
      <h3 id={headingId}>Shipping options in {region.name}</h3>
      {options.length === 0 ? (
        <p className="muted">No shipping options yet: shoppers in {region.name} cannot check out until you add one.</p>
      ) : (
        <ul className="admin-shipping__list">
          {options.map((option) => (
            <ShippingOptionRow key={`${option.id}:${option.name}:${option.amount}:${option.admin_only}:${JSON.stringify(option.requirements)}`} option={option} currencyCode={currency} busy={busy} run={run} onChange={onChange} />
          ))}
        </ul>
      )}
      <form className="admin-form" onSubmit={add} noValidate>
        <fieldset className="admin-fieldset">
          <legend>Add a shipping option to {region.name}</legend>
          <OptionFields idPrefix={`new-option-${region.id}`} fields={fields} errors={errors} currencyCode={currency} onChange={setFields} />
          <button type="submit" className="button button--secondary" disabled={busy}>
            Add shipping option to {region.name}
          </button>
        </fieldset>
      </form>
    </section>
  );
}

function ShippingOptionRow({ option, currencyCode, busy, run, onChange }: { option: AdminShippingOption; currencyCode: string; busy: boolean; run: RunAction; onChange: (change: OptionChange) => void }) {
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(option, currencyCode));
  const [errors, setErrors] = useState<FieldErrors>({});
  const idPrefix = `option-${option.id}`;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const read = readFields(fields, currencyCode);
    if ("errors" in read) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    await run(async () => {
      const updated = await adminClient.shippingOptions.update(option.id, read.input);
      onChange({ upsert: updated });
      return `${updated.name} saved: ${moneyText(updated.amount, currencyCode)} ${requirementText(updated, currencyCode)}.`;
    });
  }

  const toggle = () =>
    run(async () => {
      const updated = await adminClient.shippingOptions.update(option.id, { admin_only: !option.admin_only });
      onChange({ upsert: updated });
      return updated.admin_only ? `${updated.name} is switched off: shoppers are no longer offered it.` : `${updated.name} is switched on: shoppers are offered it again.`;
    });

  const remove = () =>
    run(async () => {
      const answer = await adminClient.shippingOptions.delete(option.id);
      if (answer.deleted) {
        onChange({ removedId: option.id });
        return `${option.name} was deleted.`;
      }
      if (answer.shipping_option) onChange({ upsert: answer.shipping_option });
      return answer.message ?? `${option.name} was used by orders, so it was switched off instead of deleted.`;
    });

  return (
    <li className="admin-shipping__option">
      <p>
        <strong>{option.name}</strong>: {option.amount === 0 ? "free" : moneyText(option.amount, currencyCode)}, {requirementText(option, currencyCode)}
        {option.is_return ? " (returns)" : ""}{" "}
        <span className={option.admin_only ? "status-badge" : "status-badge status-badge--completed"}>{option.admin_only ? "Switched off" : "Offered"}</span>
      </p>
      {editing ? (
        <form className="admin-form" onSubmit={save} noValidate aria-label={`Edit ${option.name}`}>
          <OptionFields idPrefix={idPrefix} fields={fields} errors={errors} currencyCode={currencyCode} onChange={setFields} />
          <div className="admin-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Save {option.name}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : confirmingDelete ? (
        <ConfirmDelete
          label={`Confirm deleting ${option.name}`}
          question={`Delete ${option.name}? If orders used it, it is switched off instead.`}
          busy={busy}
          onConfirm={remove}
          onKeep={() => setConfirmingDelete(false)}
        />
      ) : (
        <div className="admin-actions">
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)} disabled={busy} aria-label={`Edit ${option.name}`}>
            Edit
          </button>
          <button type="button" className="button button--secondary" onClick={toggle} disabled={busy} aria-label={`${option.admin_only ? "Switch on" : "Switch off"} ${option.name}`}>
            {option.admin_only ? "Switch on" : "Switch off"}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirmingDelete(true)} disabled={busy} aria-label={`Delete ${option.name}`}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
