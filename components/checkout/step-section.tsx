// One step of the checkout: its heading always visible, its body when it is the current step,
// a short summary with an "Edit" button once it is done.
import { STEP_TITLES, type CheckoutStep } from "./checkout-steps";

type Props = {
  step: CheckoutStep;
  number: number;
  state: "current" | "done" | "upcoming";
  onEdit?: () => void;
  summary?: React.ReactNode;
  children?: React.ReactNode;
  /** Stays mounted while collapsed (the card field must survive until the order is placed). */
  keepMounted?: boolean;
};

export function StepSection({ step, number, state, onEdit, summary, children, keepMounted }: Props) {
  const headingId = `step-${step}-title`;
  return (
    <section className={`checkout-step checkout-step--${state}`} aria-labelledby={headingId} data-testid={`step-${step}`} data-state={state}>
      <div className="checkout-step__header">
        <h2 id={headingId} className="checkout-step__title" tabIndex={-1}>
          <span className="checkout-step__number" aria-hidden="true">
            {state === "done" ? "✓" : number}
          </span>
          {STEP_TITLES[step]}
          {state === "done" ? <span className="visually-hidden"> (completed)</span> : null}
        </h2>
        {state === "done" && onEdit ? (
          <button type="button" className="link-button checkout-step__edit" onClick={onEdit}>
            Edit<span className="visually-hidden"> {STEP_TITLES[step].toLowerCase()}</span>
          </button>
        ) : null}
      </div>
      {state === "done" && summary ? <div className="checkout-step__summary">{summary}</div> : null}
      {state === "current" || keepMounted ? (
        <div className="checkout-step__body" hidden={state !== "current"}>
          {children}
        </div>
      ) : null}
    </section>
  );
}
