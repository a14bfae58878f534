import { formatMoney } from "@/components/ui/format-money";
import type { StoreCart } from "@/lib/sdk/types";

type Totals = Pick<StoreCart, "subtotal" | "discount_total" | "shipping_total" | "tax_total" | "total" | "shipping_methods">;

/** The figures of a cart or order, as the server computed them. */
export function CartTotals({ totals, currencyCode, shippingPending }: { totals: Totals; currencyCode: string; shippingPending?: string }) {
  const money = (amount: number) => formatMoney(amount, currencyCode);
  const hasShipping = totals.shipping_methods.length > 0;
  return (
    <dl className="totals" data-testid="totals">
      <div className="totals__row">
        <dt>Subtotal</dt>
        <dd data-testid="subtotal">{money(totals.subtotal)}</dd>
      </div>
      {totals.discount_total > 0 ? (
        <div className="totals__row">
          <dt>Discount</dt>
          <dd>−{money(totals.discount_total)}</dd>
        </div>
      ) : null}
      <div className="totals__row">
        <dt>Shipping</dt>
        <dd data-testid="shipping-total">{hasShipping ? (totals.shipping_total === 0 ? "Free" : money(totals.shipping_total)) : (shippingPending ?? "Calculated at checkout")}</dd>
      </div>
      <div className="totals__row">
        <dt>Tax</dt>
        <dd data-testid="tax-total">{money(totals.tax_total)}</dd>
      </div>
      <div className="totals__row totals__row--total">
        <dt>Total</dt>
        <dd data-testid="total">{money(totals.total)}</dd>
      </div>
    </dl>
  );
}
