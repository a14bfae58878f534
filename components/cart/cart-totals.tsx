// The totals of a cart or an order as a shopper reads them, every figure as the server computed
// it (lib/commerce/totals.ts): prices as shown, the discount, shipping, the tax per rate (added
// on top, or "incl. VAT" inside prices that include it), gift cards and the total.
import { formatMoney } from "@/components/ui/format-money";
import type { StoreCart, StoreOrder } from "@/lib/sdk/types";

type Totals = Pick<StoreCart | StoreOrder, "summary" | "tax_breakdown" | "shipping_methods" | "discounts" | "gift_cards"> & {
  region: { includes_tax: boolean };
  /** Carts say whether the tax is the region default (no address yet); orders are final. */
  tax_origin?: string;
};

type TaxRow = Totals["tax_breakdown"][number];

const rateLabel = (row: TaxRow) => `${row.name} ${row.rate} %${row.code ? ` (${row.code})` : ""}`;

export function CartTotals(props: { totals: Totals; currencyCode: string; shippingPending?: string; totalTestId?: string }) {
  const { totals, currencyCode, shippingPending } = props;
  const money = (amount: number) => formatMoney(amount, currencyCode);
  const { summary } = totals;
  const hasShipping = totals.shipping_methods.length > 0;
  const inclusive = totals.region.includes_tax;
  const estimated = totals.tax_origin === "region_default";
  const codes = totals.discounts.map((discount) => discount.code).filter(Boolean);
  const cards = totals.gift_cards.map((card) => card.code);
  const taxRows = totals.tax_breakdown.filter((row) => row.amount > 0);
  return (
    <>
    <dl className="totals" data-testid="totals">
      <div className="totals__row">
        <dt>Subtotal{inclusive ? <span className="muted"> (incl. VAT)</span> : null}</dt>
        <dd data-testid="subtotal">{money(summary.items)}</dd>
      </div>
      {summary.discount > 0 ? (
        <div className="totals__row totals__row--discount">
          <dt>
            Discount{codes.length ? <span className="totals__code"> ({codes.join(", ")})</span> : null}
          </dt>
          <dd data-testid="discount-total">−{money(summary.discount)}</dd>
        </div>
      ) : null}
      <div className="totals__row">
        <dt>Shipping</dt>
        <dd data-testid="shipping-total">{hasShipping ? (summary.shipping === 0 ? "Free" : money(summary.shipping)) : (shippingPending ?? "Calculated at checkout")}</dd>
      </div>
      {!inclusive ? (
        estimated && summary.tax_added === 0 ? (
          <div className="totals__row muted">
            <dt>Tax</dt>
            <dd data-testid="tax-pending">Calculated from your address</dd>
          </div>
        ) : taxRows.length === 0 ? (
          <div className="totals__row">
            <dt>Tax</dt>
            <dd data-testid="tax-line">{money(0)}</dd>
          </div>
        ) : (
          taxRows.map((row) => (
            <div className="totals__row" key={rateLabel(row)}>
              <dt>{rateLabel(row)}</dt>
              <dd data-testid="tax-line">{money(row.amount)}</dd>
            </div>
          ))
        )
      ) : null}
      {summary.gift_card > 0 ? (
        <div className="totals__row totals__row--discount">
          <dt>
            Gift card<span className="totals__code"> ({cards.join(", ")})</span>
          </dt>
          <dd data-testid="gift-card-total">−{money(summary.gift_card)}</dd>
        </div>
      ) : null}
      <div className="totals__row totals__row--total">
        <dt>Total</dt>
        <dd data-testid={props.totalTestId ?? "total"}>{money(summary.total)}</dd>
      </div>
      {inclusive
        ? taxRows.map((row) => (
            <div className="totals__row totals__row--note muted" key={rateLabel(row)}>
              <dt>Includes {rateLabel(row)}</dt>
              <dd data-testid="tax-line">{money(row.amount)}</dd>
            </div>
          ))
        : null}
    </dl>
      {estimated && (inclusive || summary.tax_added > 0) ? (
        <p className="totals__note muted" data-testid="tax-estimate">
          {inclusive ? "VAT shown at our home rate until you enter a shipping address; your price stays the same." : "Estimated until you enter a shipping address."}
        </p>
      ) : null}
    </>
  );
}
