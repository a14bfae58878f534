"use client";
// "Discount code": a labelled input and Apply; the applied code shows as a chip with Remove.
// Codes go through the cart provider like quantity changes, so the cart (and every total on the
// page) becomes what the server answers. One code per cart: a new code replaces the current one.
import { useId, useRef, useState } from "react";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import type { StoreCart } from "@/lib/sdk/types";
import { useCart } from "./cart-provider";

function discountErrorMessage(error: unknown): string {
  if (isStoreApiError(error)) {
    switch (error.code) {
      case "discount_not_found":
        return "That code isn't valid.";
      case "discount_not_in_region":
        return "That code can't be used in this region.";
      case "too_many_discounts":
        return "Only one code can be used per order.";
    }
  }
  return "Could not apply the code. Please try again.";
}

export function DiscountCodeForm({ cart }: { cart: StoreCart }) {
  const { applyDiscount, removeDiscount } = useCart();
  const id = useId();
  const inputId = `${id}-code`;
  const errorId = `${id}-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState<"apply" | "remove" | null>(null);
  const applied = cart.discounts[0] ?? null;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const wanted = code.trim();
    setStatus("");
    if (!wanted) {
      setError("Enter a discount code.");
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setBusy("apply");
    try {
      const next = await applyDiscount(wanted);
      setCode("");
      setStatus(`Code ${next.discounts[0]?.code ?? wanted.toUpperCase()} applied.`);
    } catch (caught) {
      setError(discountErrorMessage(caught));
      inputRef.current?.focus();
    } finally {
      setBusy(null);
    }
  }

  async function onRemove() {
    if (busy || !applied) return;
    setError(null);
    setStatus("");
    setBusy("remove");
    try {
      await removeDiscount();
      setStatus(`Code ${applied.code} removed.`);
      inputRef.current?.focus(); // the chip (and its button) is gone
    } catch {
      setError("Could not remove the code. Please try again.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="discount" data-testid="discount">
      <form className="discount__form" onSubmit={onSubmit} noValidate>
        <label htmlFor={inputId} className="field__label">
          Discount code
        </label>
        <div className="discount__row">
          <input
            ref={inputRef}
            id={inputId}
            name="discount-code"
            className="field__input discount__input"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={50}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <button type="submit" className="button button--secondary discount__apply" aria-disabled={busy !== null}>
            {busy === "apply" ? "Applying…" : "Apply"}
          </button>
        </div>
      </form>
      {error ? (
        <p id={errorId} role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      {applied ? (
        <p className="discount__chip" data-testid="discount-chip">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
            <path d="M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8z" />
            <circle cx="7.5" cy="7.5" r="1.5" />
          </svg>
          <span className="discount__code">{applied.code}</span>
          <span aria-hidden="true">·</span>
          <button type="button" className="link-button discount__remove" onClick={onRemove} aria-disabled={busy !== null}>
            Remove<span className="visually-hidden"> discount code {applied.code}</span>
          </button>
        </p>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
