"use client";
// A code a shopper types in (a discount code, a gift card): a labelled input and Apply; each
// applied code shows as a chip with Remove. Changes go through the cart provider, so every total
// on the page becomes what the server answers. The server's refusals are written for shoppers
// ("The code SUMMER24 expired on 1 September 2024."), so they are shown as they come.
import { useId, useRef, useState } from "react";
import { isStoreApiError } from "@/lib/sdk/store-api-error";

type CodeFormProps = {
  /** "Discount code", "Gift card" */
  label: string;
  /** How a chip's remove button is announced: "discount code", "gift card". */
  noun: string;
  testId: string;
  /** The button: "Apply" for a discount, "Redeem" for a gift card. */
  action: string;
  applied: { code: string; detail?: string }[];
  apply: (code: string) => Promise<unknown>;
  remove: (code: string) => Promise<unknown>;
};

function refusalMessage(error: unknown, noun: string): string {
  if (isStoreApiError(error) && error.status >= 400 && error.status < 500) return error.message;
  return `Could not apply the ${noun}. Please try again.`;
}

export function CodeForm({ label, noun, testId, action, applied, apply, remove }: CodeFormProps) {
  const id = useId();
  const inputId = `${id}-code`;
  const errorId = `${id}-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState<"apply" | "remove" | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const wanted = code.trim();
    setStatus("");
    if (!wanted) {
      setError(`Enter a ${noun}.`);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setBusy("apply");
    try {
      await apply(wanted);
      setCode("");
      setStatus(`${label} ${wanted.toUpperCase()} applied.`);
    } catch (caught) {
      setError(refusalMessage(caught, noun));
      inputRef.current?.focus();
    } finally {
      setBusy(null);
    }
  }

  async function onRemove(removed: string) {
    if (busy) return;
    setError(null);
    setStatus("");
    setBusy("remove");
    try {
      await remove(removed);
      setStatus(`${label} ${removed} removed.`);
      inputRef.current?.focus(); // the chip (and its button) is gone
    } catch {
      setError(`Could not remove the ${noun}. Please try again.`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="discount" data-testid={testId}>
      <form className="discount__form" onSubmit={onSubmit} noValidate>
        <label htmlFor={inputId} className="field__label">
          {label}
        </label>
        <div className="discount__row">
          <input
            ref={inputRef}
            id={inputId}
            name={`${testId}-code`}
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
            {busy === "apply" ? `${action.replace(/e$/, "")}ing…` : action}
          </button>
        </div>
      </form>
      {error ? (
        <p id={errorId} role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      {applied.map((chip) => (
        <p className="discount__chip" data-testid={`${testId}-chip`} key={chip.code}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
            <path d="M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8z" />
            <circle cx="7.5" cy="7.5" r="1.5" />
          </svg>
          <span className="discount__code">{chip.code}</span>
          {chip.detail ? <span className="muted">{chip.detail}</span> : null}
          <span aria-hidden="true">·</span>
          <button type="button" className="link-button discount__remove" onClick={() => onRemove(chip.code)} aria-disabled={busy !== null}>
            Remove<span className="visually-hidden"> {noun} {chip.code}</span>
          </button>
        </p>
      ))}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
