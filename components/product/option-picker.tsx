"use client";
// One product option (Size, Color…) as a group of radio buttons drawn as pills: arrow keys move
// between values, values no variant offers in stock are marked.
import type { StoreProduct } from "@/lib/sdk/types";

type ProductOption = StoreProduct["options"][number];

export function OptionPicker(props: {
  option: ProductOption;
  selected: string | undefined;
  onSelect: (value: string) => void;
  isUnavailable: (value: string) => boolean;
}) {
  const values = [...new Set(props.option.values.map((value) => value.value))];
  const name = `option-${props.option.id}`;
  return (
    <fieldset className="option-picker">
      <legend className="option-picker__legend">
        {props.option.title}
        {props.selected ? <span className="option-picker__current">: {props.selected}</span> : null}
      </legend>
      <div className="option-picker__values">
        {values.map((value) => {
          const unavailable = props.isUnavailable(value);
          const id = `${name}-${value.replace(/\W+/g, "-")}`;
          return (
            <span key={value} className="option-pill">
              <input
                type="radio"
                id={id}
                name={name}
                value={value}
                checked={props.selected === value}
                onChange={() => props.onSelect(value)}
                className="option-pill__input"
              />
              <label htmlFor={id} className={`option-pill__label${unavailable ? " option-pill__label--unavailable" : ""}`}>
                {value}
                {unavailable ? <span className="visually-hidden"> (out of stock)</span> : null}
              </label>
            </span>
          );
        })}
      </div>
    </fieldset>
  );
}
