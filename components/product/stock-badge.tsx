import { stockLabel, type StockState } from "./stock-state";

export function StockBadge({ state }: { state: StockState }) {
  return (
    <span className={`stock-badge stock-badge--${state.kind.replace(/_/g, "-")}`} data-testid="stock-state">
      <span className="stock-badge__dot" aria-hidden="true" />
      {stockLabel(state)}
    </span>
  );
}
