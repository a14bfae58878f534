import { formatMoney } from "@/components/ui/format-money";
import type { StoreCart } from "@/lib/sdk/types";

type Totals = Pick<StoreCart, "subtotal" | "discount_total" | "shipping_total" | "tax_total" | "total" | "shipping_methods"> & {
  /** Carts and orders both list their codes; only the code is shown. */
  discounts?: { code: string | null }[];
};

/** "Discount (WELCOME10)  −€3.80": a row of a totals list, shown only when something is taken off. */
export function DiscountRow({ totals, currencyCode }: { totals: Pick<Totals, "discount_total" | "discounts">; currencyCode: string }) {
  if (!(totals.discount_total > 0)) return null;
  const codes = (totals.discounts ?? []).map((discount) => discount.code).filter(Boolean);
  return (
    <div className="totals__row totals__row--discount">
      <dt>
        Discount{codes.length ? <span className="totals__code"> ({codes.join(", ")})</span> : null}
      </dt>
      <dd data-testid="discount-total">−{formatMoney(totals.discount_total, currencyCode)}</dd>
    </div>
  );
}

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
      <DiscountRow totals={totals} currencyCode={currencyCode} />
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
