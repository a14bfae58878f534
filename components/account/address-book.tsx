"use client";
// The address book: the saved addresses, each editable and removable, and a form to add one.
// Every change answers with the customer, whose addresses replace the list shown.
import { useRef, useState } from "react";
import { AddressFields } from "@/components/checkout/address-fields";
import { addressPayload, addressValues, validateAddress, type AddressErrors, type AddressValues } from "@/components/checkout/address-form-values";
import { ErrorMessage } from "@/components/ui/error-message";
import { storeClient } from "@/lib/sdk/client";
import type { StoreCustomerAddress } from "@/lib/sdk/types";
import { refusalMessage } from "./account-messages";
import { AddressSummary } from "@/components/checkout/address-summary";

type Country = { value: string; label: string };

export function AddressBook({ initialAddresses, countries }: { initialAddresses: StoreCustomerAddress[]; countries: Country[] }) {
  const [addresses, setAddresses] = useState(initialAddresses);
  // null: no form open; "new": adding; otherwise the id of the address being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const countryName = (code: string | null | undefined) => countries.find((country) => country.value === code)?.label ?? code?.toUpperCase() ?? "";

  function startEditing(which: string) {
    setNotice(null);
    setEditing(which);
  }

  async function remove(address: StoreCustomerAddress) {
    setError(null);
    try {
      const { customer } = await storeClient.customers.addresses.deleteAddress(address.id);
      setAddresses(customer.shipping_addresses);
      setNotice(`Removed the address at ${address.address_1}.`);
    } catch (caught) {
      setError(refusalMessage(caught, "Could not remove the address. Please try again."));
    }
  }

  return (
    <div className="address-book">
      {notice ? (
        <p role="status" className="notice notice--success">
          {notice}
        </p>
      ) : null}
      <ErrorMessage>{error}</ErrorMessage>
      {addresses.length === 0 ? <p className="muted">You have no saved addresses yet.</p> : null}
      <ul className="address-book__list" aria-label="Saved addresses">
        {addresses.map((address) => (
          <li key={address.id} className="summary-card address-book__entry" data-testid="saved-address">
            {editing === address.id ? (
              <AddressForm
                title={`Edit the address at ${address.address_1}`}
                initial={addressValues(address, countries[0]?.value ?? "")}
                countries={countries}
                onCancel={() => setEditing(null)}
                onSave={async (values) => {
                  const { customer } = await storeClient.customers.addresses.updateAddress(address.id, addressPayload(values));
                  setAddresses(customer.shipping_addresses);
                  setEditing(null);
                  setNotice("Address saved.");
                }}
              />
            ) : (
              <>
                <AddressSummary address={address} countryLabel={countryName} className="address-book__text" />
                <div className="address-book__actions">
                  <button type="button" className="button button--secondary" onClick={() => startEditing(address.id)} aria-label={`Edit the address at ${address.address_1}`}>
                    Edit
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => remove(address)} aria-label={`Remove the address at ${address.address_1}`}>
                    Remove
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === "new" ? (
        <div className="summary-card">
          <AddressForm
            title="New address"
            initial={addressValues(null, countries[0]?.value ?? "")}
            countries={countries}
            onCancel={() => setEditing(null)}
            onSave={async (values) => {
              const { customer } = await storeClient.customers.addresses.addAddress({ address: addressPayload(values) });
              setAddresses(customer.shipping_addresses);
              setEditing(null);
              setNotice("Address added.");
            }}
          />
        </div>
      ) : (
        <button type="button" className="button button--primary" onClick={() => startEditing("new")} disabled={editing !== null}>
          Add an address
        </button>
      )}
    </div>
  );
}

function AddressForm(props: {
  title: string;
  initial: AddressValues;
  countries: Country[];
  onSave: (values: AddressValues) => Promise<void>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<AddressErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = validateAddress(values, props.countries.map((country) => country.value));
    setErrors(found);
    if (Object.keys(found).length) {
      setFormError("Please correct the highlighted fields.");
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await props.onSave(values);
    } catch (caught) {
      setFormError(refusalMessage(caught, "Could not save the address. Please try again."));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="account-form">
      <fieldset className="form-section">
        <legend className="form-section__legend">{props.title}</legend>
        <AddressFields
          prefix="shipping"
          values={values}
          errors={errors}
          countries={props.countries}
          disabled={busy}
          onChange={(field, value) => setValues((current) => ({ ...current, [field]: value }))}
        />
      </fieldset>
      <ErrorMessage>{formError}</ErrorMessage>
      <div className="address-book__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Saving…" : "Save address"}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
