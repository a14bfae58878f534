"use client";
// Step 1: who and where. Saves email, shipping and billing address on the cart in one update.
import { useRef, useState } from "react";
import { useCart } from "@/components/cart/cart-provider";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField, TextField } from "@/components/ui/text-field";
import { storeClient } from "@/lib/sdk/client";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import type { StoreCart, StoreCustomer } from "@/lib/sdk/types";
import { AddressFields } from "./address-fields";
import {
  addressPayload,
  addressValues,
  EMAIL_PATTERN,
  sameAddress,
  sameAsSaved,
  savedAddressLabel,
  validateAddress,
  type AddressErrors,
  type AddressValues,
} from "./address-form-values";

const NEW_ADDRESS = "new";

/**
 * A signed-in shopper picks one of their saved addresses (the first is filled in when the cart has
 * none yet) or enters a new one, which they may save to their address book.
 */
export function AddressStep({ cart, customer = null, onDone }: { cart: StoreCart; customer?: StoreCustomer | null; onDone: () => void }) {
  const { mutate, countryCode } = useCart();
  const countries = [...cart.region.countries]
    .sort((a, b) => a.display_name.localeCompare(b.display_name))
    .map((country) => ({ value: country.iso_2, label: country.display_name }));
  const codes = countries.map((country) => country.value);
  const fallbackCountry = codes.includes(countryCode) ? countryCode : (codes[0] ?? "");
  const inRegion = (values: AddressValues) => (codes.includes(values.country_code) ? values : { ...values, country_code: fallbackCountry });

  const savedAddresses = (customer?.shipping_addresses ?? []).filter((saved) => saved.country_code && codes.includes(saved.country_code));
  const cartHasAddress = Boolean(cart.shipping_address?.address_1);
  const [email, setEmail] = useState(cart.email ?? customer?.email ?? "");
  const [shipping, setShipping] = useState(() =>
    inRegion(addressValues(cartHasAddress || savedAddresses.length === 0 ? cart.shipping_address : savedAddresses[0], fallbackCountry)),
  );
  const [saveToBook, setSaveToBook] = useState(false);
  const chosenSaved = savedAddresses.find((saved) => sameAsSaved(shipping, saved));
  const [billingSame, setBillingSame] = useState(() => sameAddress(cart.shipping_address, cart.billing_address));
  const [billing, setBilling] = useState(() => inRegion(addressValues(cart.billing_address, fallbackCountry)));
  const [errors, setErrors] = useState<{ email?: string; shipping: AddressErrors; billing: AddressErrors }>({ shipping: {}, billing: {} });
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = {
      email: !email.trim() ? "Enter your email address" : EMAIL_PATTERN.test(email.trim()) ? undefined : "Enter an email address like name@example.com",
      shipping: validateAddress(shipping, codes),
      billing: billingSame ? {} : validateAddress(billing, codes),
    };
    setErrors(found);
    const invalid = Boolean(found.email) || Object.keys(found.shipping).length > 0 || Object.keys(found.billing).length > 0;
    if (invalid) {
      setFormError("Please correct the highlighted fields.");
      // Move focus to the first field that needs attention.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    setFormError(null);
    setSaving(true);
    try {
      const shippingAddress = addressPayload(shipping);
      await mutate((current) =>
        storeClient.carts.update(current.id, {
          email: email.trim(),
          shipping_address: shippingAddress,
          billing_address: billingSame ? shippingAddress : addressPayload(billing),
        }),
      );
      if (customer && saveToBook && !chosenSaved) await storeClient.customers.addresses.addAddress({ address: shippingAddress });
      onDone();
    } catch (error) {
      setFormError(isStoreApiError(error) ? error.message : "Could not save your address. Please try again.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="checkout-form" aria-describedby={formError ? "address-form-error" : undefined}>
      <fieldset className="form-section">
        <legend className="form-section__legend">Contact</legend>
        <TextField
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="email"
          value={email}
          error={errors.email}
          disabled={saving}
          onChange={(event) => setEmail(event.target.value)}
        />
        <p className="field__hint">We send the order confirmation here.</p>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section__legend">Shipping address</legend>
        {savedAddresses.length > 0 ? (
          <SelectField
            id="saved-address"
            name="saved_address"
            label="Saved addresses"
            value={chosenSaved?.id ?? NEW_ADDRESS}
            disabled={saving}
            options={[
              ...savedAddresses.map((saved) => ({ value: saved.id, label: savedAddressLabel(saved) })),
              { value: NEW_ADDRESS, label: "A new address" },
            ]}
            onChange={(event) => {
              const saved = savedAddresses.find((candidate) => candidate.id === event.target.value);
              setShipping(inRegion(addressValues(saved ?? null, fallbackCountry)));
            }}
          />
        ) : null}
        <AddressFields
          prefix="shipping"
          values={shipping}
          errors={errors.shipping}
          countries={countries}
          disabled={saving}
          onChange={(field, value) => setShipping((current) => ({ ...current, [field]: value }))}
        />
      </fieldset>

      {customer && !chosenSaved ? (
        <div className="checkbox">
          <input id="save-address" type="checkbox" checked={saveToBook} onChange={(event) => setSaveToBook(event.target.checked)} disabled={saving} />
          <label htmlFor="save-address">Save this address to my address book</label>
        </div>
      ) : null}

      <div className="checkbox">
        <input id="billing-same" type="checkbox" checked={billingSame} onChange={(event) => setBillingSame(event.target.checked)} disabled={saving} />
        <label htmlFor="billing-same">Billing address is the same as shipping address</label>
      </div>

      {!billingSame ? (
        <fieldset className="form-section">
          <legend className="form-section__legend">Billing address</legend>
          <AddressFields
            prefix="billing"
            values={billing}
            errors={errors.billing}
            countries={countries}
            disabled={saving}
            onChange={(field, value) => setBilling((current) => ({ ...current, [field]: value }))}
          />
        </fieldset>
      ) : null}

      <ErrorMessage id="address-form-error">{formError}</ErrorMessage>

      <div className="checkout-form__actions">
        <button type="submit" className="button button--primary button--large" disabled={saving}>
          {saving ? "Saving…" : "Continue to delivery"}
        </button>
      </div>
    </form>
  );
}
