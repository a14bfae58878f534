"use client";
// The regions and the payment methods each offers shoppers. The test provider ("manual": orders
// without money) is only offered where it is ticked here; beside a real provider the storefront
// labels it as a test, and this page says so before the merchant saves. Each region also lists
// its shipping options, which the merchant adds, edits, switches off/on and deletes here.
import { useEffect, useState } from "react";
import { adminClient, type AdminRegion, type AdminShippingOption, type ProviderInfo } from "@/lib/sdk/admin";
import { RegionShippingOptions, type RunAction } from "./shipping-options-editor";
import { useAdminAction } from "./use-admin-action";
import { AdminNotices } from "./admin-notices";

const PROVIDER_NAMES: Record<string, string> = {
  manual: "Test payment (manual): orders are placed without any money moving",
  stripe: "Card payments (Stripe)",
};

export function RegionsPanel() {
  const [regions, setRegions] = useState<AdminRegion[] | null>(null);
  const [providers, setProviders] = useState<ProviderInfo[]>([]);
  const [shippingOptions, setShippingOptions] = useState<AdminShippingOption[]>([]);
  const { error, done, busy, noticeRef, perform, failLoading } = useAdminAction();

  useEffect(() => {
    Promise.all([adminClient.regions.list(), adminClient.store.listPaymentProviders(), adminClient.shippingOptions.list({ is_return: false })])
      .then(([{ regions: loaded }, installed, { shipping_options }]) => {
        setRegions(loaded);
        setProviders(installed);
        setShippingOptions(shipping_options);
      })
      .catch((failure: unknown) => {
        failLoading(failure, "The regions could not be loaded");
      });
  }, [failLoading]);

  const save = (region: AdminRegion, chosen: string[]) =>
    perform(async () => {
      const updated = await adminClient.regions.update(region.id, { payment_providers: chosen });
      setRegions((rows) => rows?.map((row) => (row.id === updated.id ? updated : row)) ?? null);
      return `${updated.name}: payment methods saved.`;
    });

  const run: RunAction = (action) => perform(action);

  function changeOption({ upsert, removedId }: { upsert?: AdminShippingOption; removedId?: string }) {
    setShippingOptions((rows) => {
      const kept = rows.filter((row) => row.id !== removedId && row.id !== upsert?.id);
      return upsert ? [...kept, upsert].sort((a, b) => a.amount - b.amount || a.id.localeCompare(b.id)) : kept;
    });
  }

  return (
    <section aria-labelledby="regions-heading">
      <h1 id="regions-heading">Regions</h1>
      <p className="muted">Where you sell, in which currency, and which payment methods and shipping options shoppers there are offered.</p>
      <AdminNotices noticeRef={noticeRef} error={error} done={done} />
      {!regions ? (
        error ? null : (
          <p className="muted" role="status">
            Loading regions…
          </p>
        )
      ) : (
        <div className="admin-order__grid">
          {regions.map((region) => (
            <RegionCard key={`${region.id}:${region.payment_providers.map((provider) => provider.id).join(",")}`} region={region} providers={providers} busy={busy} onSave={save}>
              <RegionShippingOptions region={region} options={shippingOptions.filter((option) => option.region_id === region.id)} busy={busy} run={run} onChange={changeOption} />
            </RegionCard>
          ))}
        </div>
      )}
    </section>
  );
}

function RegionCard({
  region,
  providers,
  busy,
  onSave,
  children,
}: {
  region: AdminRegion;
  providers: ProviderInfo[];
  busy: boolean;
  onSave: (region: AdminRegion, chosen: string[]) => void;
  children: React.ReactNode;
}) {
  const [chosen, setChosen] = useState(() => region.payment_providers.map((provider) => provider.id));
  const headingId = `region-${region.id}-heading`;
  const testChosen = chosen.some((id) => providers.find((provider) => provider.id === id)?.is_test);
  const realChosen = chosen.some((id) => !providers.find((provider) => provider.id === id)?.is_test);

  function toggle(id: string, on: boolean) {
    setChosen((current) => (on ? [...current, id] : current.filter((candidate) => candidate !== id)));
  }

  return (
    <section className="summary-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{region.name}</h2>
      <ul className="admin-facts">
        <li>Currency {region.currency_code.toUpperCase()}</li>
        <li>
          Tax {region.tax_rate} %{region.includes_tax ? ", included in prices" : ", added at checkout"}
        </li>
        <li>Countries: {region.countries.map((country) => country.display_name).join(", ") || "none yet"}</li>
      </ul>
      <form
        className="admin-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(region, chosen);
        }}
      >
        <fieldset className="admin-fieldset">
          <legend>Payment methods offered in {region.name}</legend>
          {providers.map((provider) => (
            <label key={provider.id} className="checkbox">
              <input type="checkbox" name="payment_providers" value={provider.id} checked={chosen.includes(provider.id)} onChange={(event) => toggle(provider.id, event.target.checked)} />
              {PROVIDER_NAMES[provider.id] ?? provider.id}
            </label>
          ))}
          {region.unavailable_payment_providers.length ? (
            <p className="muted">Chosen but not set up on this server: {region.unavailable_payment_providers.join(", ")}.</p>
          ) : null}
        </fieldset>
        {chosen.length === 0 ? (
          <p className="notice notice--info">With no payment method, shoppers in {region.name} cannot pay unless gift cards cover the whole order.</p>
        ) : testChosen && realChosen ? (
          <p className="notice notice--info">Shoppers will see the test payment beside real payments. The checkout labels it as a test, but anyone can order with it without paying.</p>
        ) : testChosen ? (
          <p className="notice notice--info">Only the test payment is offered: orders here are placed without any money moving.</p>
        ) : null}
        <button type="submit" className="button button--secondary" disabled={busy}>
          Save payment methods for {region.name}
        </button>
      </form>
      {children}
    </section>
  );
}
