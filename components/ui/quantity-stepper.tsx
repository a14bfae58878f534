"use client";
// − [n] + : buttons for the mouse, a number field for typing. onChange fires with a whole
// number within [min, max]; a field left empty or out of range snaps back on blur.
import { useEffect, useId, useState } from "react";

type Props = {
  value: number;
  onChange: (quantity: number) => void;
  min?: number;
  max: number;
  label: string;
  /** Hide the visible label (the context already says what this is). */
  hideLabel?: boolean;
  disabled?: boolean;
  size?: "regular" | "small";
};

export function QuantityStepper({ value, onChange, min = 1, max, label, hideLabel, disabled, size = "regular" }: Props) {
  const id = useId();
  const lowerLabel = label.charAt(0).toLowerCase() + label.slice(1);
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);

  function commit(text: string) {
    const parsed = Number.parseInt(text, 10);
    if (!Number.isFinite(parsed)) return setDraft(String(value));
    const next = Math.min(Math.max(parsed, min), max);
    setDraft(String(next));
    if (next !== value) onChange(next);
  }

  return (
    <div className={`quantity quantity--${size}`}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : "field__label"}>
        {label}
      </label>
      <div className="quantity__controls">
        <button
          type="button"
          className="quantity__button"
          onClick={() => onChange(Math.max(min, value - 1))}
          disabled={disabled || value <= min}
          aria-label={`Decrease ${lowerLabel}`}
        >
          −
        </button>
        <input
          id={id}
          className="quantity__input"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={draft}
          disabled={disabled}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={(event) => commit(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit(event.currentTarget.value);
            }
          }}
        />
        <button
          type="button"
          className="quantity__button"
          onClick={() => onChange(Math.min(max, value + 1))}
          disabled={disabled || value >= max}
          aria-label={`Increase ${lowerLabel}`}
        >
          +
        </button>
      </div>
    </div>
  );
}
