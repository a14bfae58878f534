// Pieces of an order that several emails show: its lines, its totals, an address, the link to it.
// They render what the serialized order says (the Store API's order), never recompute it.
import { shownLineAmount } from "../../../components/cart/line-amount";
import type { StoreOrder } from "../../commerce/serialize";
import { COLORS, html, money, type Markup } from "./layout";

export type EmailOrder = Pick<
  StoreOrder,
  | "id"
  | "display_id"
  | "email"
  | "currency_code"
  | "items"
  | "shipping_address"
  | "billing_address"
  | "shipping_methods"
  | "payments"
  | "payment_status"
  | "discounts"
  | "region"
  | "subtotal"
  | "discount_total"
  | "shipping_total"
  | "tax_total"
  | "gift_card_total"
  | "total"
  | "created_at"
  | "summary"
  | "tax_breakdown"
  | "gift_cards"
>;
type Address = NonNullable<EmailOrder["shipping_address"]>;

export const orderUrl = (storeUrl: string, order: Pick<EmailOrder, "id">) => `${storeUrl}/order/confirmed/${encodeURIComponent(order.id)}`;
export const orderLabel = (order: Pick<EmailOrder, "display_id">) => `#${order.display_id}`;

const PROVIDER_TITLES: Record<string, string> = { manual: "Test payment", stripe: "Credit or debit card" };
const PAYMENT_STATES: Record<string, string> = {
  captured: "Paid",
  awaiting: "Authorized, charged when your order ships",
  not_paid: "Not paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  canceled: "Canceled",
};

export function paymentSummary(order: EmailOrder): string {
  const payment = order.payments[0];
  const provider = payment ? (PROVIDER_TITLES[payment.provider_id] ?? payment.provider_id) : "No payment";
  return `${provider} · ${PAYMENT_STATES[order.payment_status] ?? order.payment_status}`;
}

export function deliverySummary(order: EmailOrder): string {
  const method = order.shipping_methods[0];
  if (!method) return "No delivery method";
  return `${method.name} · ${method.price === 0 ? "Free" : money(method.price, order.currency_code)}`;
}

export function addressLines(address: Address | null, region: EmailOrder["region"]): string[] {
  if (!address) return [];
  const country = region.countries.find((candidate) => candidate.iso_2 === address.country_code)?.display_name ?? (address.country_code ?? "").toUpperCase();
  return [
    [address.first_name, address.last_name].filter(Boolean).join(" "),
    address.company,
    address.address_1,
    address.address_2,
    [address.postal_code, address.city].filter(Boolean).join(" "),
    address.province,
    country,
    address.phone,
  ].filter((line): line is string => Boolean(line && line.trim()));
}

type TotalRow = { label: string; value: string; strong?: boolean };

/** The figures as the storefront's totals show them (components/cart/cart-totals.tsx): the
 * shopper's summary, tax per rate added on top, or "Includes …" under the total when prices
 * include it. */
export function totalRows(order: EmailOrder): TotalRow[] {
  const currency = order.currency_code;
  const { summary } = order;
  const inclusive = order.region.includes_tax;
  const codes = order.discounts.map((discount) => discount.code).filter(Boolean);
  const cards = order.gift_cards.map((card) => card.code).filter(Boolean);
  const taxRows = order.tax_breakdown.filter((row) => row.amount > 0);
  const rateLabel = (row: (typeof taxRows)[number]) => `${row.name} ${row.rate} %${row.code ? ` (${row.code})` : ""}`;
  return [
    { label: `Subtotal${inclusive ? " (incl. VAT)" : ""}`, value: money(summary.items, currency) },
    ...(summary.discount > 0 ? [{ label: `Discount${codes.length ? ` (${codes.join(", ")})` : ""}`, value: `−${money(summary.discount, currency)}` }] : []),
    { label: "Shipping", value: summary.shipping === 0 ? "Free" : money(summary.shipping, currency) },
    ...(inclusive
      ? []
      : taxRows.length === 0
        ? [{ label: "Tax", value: money(0, currency) }]
        : taxRows.map((row) => ({ label: rateLabel(row), value: money(row.amount, currency) }))),
    ...(summary.gift_card > 0 ? [{ label: `Gift card${cards.length ? ` (${cards.join(", ")})` : ""}`, value: `−${money(summary.gift_card, currency)}` }] : []),
    { label: "Total", value: money(summary.total, currency), strong: true },
    ...(inclusive ? taxRows.map((row) => ({ label: `Includes ${rateLabel(row)}`, value: money(row.amount, currency) })) : []),
  ];
}

const cell = `padding:8px 0;border-bottom:1px solid ${COLORS.border};vertical-align:top`;

export function itemsHtml(order: EmailOrder): Markup {
  const rows = order.items.map(
    (item) => html`<tr>
<td style="${cell}"><strong>${item.title}</strong>${item.description ? html`<br><span style="color:${COLORS.muted};font-size:13px">${item.description}</span>` : ""}<br><span style="color:${COLORS.muted};font-size:13px">${item.quantity} × ${money(item.unit_price, order.currency_code)}</span></td>
<td style="${cell};text-align:right;white-space:nowrap">${money(shownLineAmount(item), order.currency_code)}</td>
</tr>`,
  );
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">${rows}</table>`;
}

export function itemsText(order: EmailOrder): string[] {
  return order.items.map(
    (item) =>
      `- ${item.title}${item.description ? ` (${item.description})` : ""}: ${item.quantity} × ${money(item.unit_price, order.currency_code)} = ${money(shownLineAmount(item), order.currency_code)}`,
  );
}

export function totalsHtml(order: EmailOrder): Markup {
  const rows = totalRows(order).map(
    (row) => html`<tr><td style="padding:4px 0;${row.strong ? `font-weight:700;border-top:1px solid ${COLORS.border};padding-top:10px` : `color:${COLORS.muted}`}">${row.label}</td><td style="padding:4px 0;text-align:right;white-space:nowrap;${row.strong ? `font-weight:700;border-top:1px solid ${COLORS.border};padding-top:10px` : ""}">${row.value}</td></tr>`,
  );
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin-top:8px">${rows}</table>`;
}

export function totalsText(order: EmailOrder): string[] {
  return totalRows(order).map((row) => `${row.label}: ${row.value}`);
}

export function addressHtml(lines: string[]): Markup {
  return html`<p style="margin:0 0 12px">${lines.map((line, index) => html`${index > 0 ? html`<br>` : ""}${line}`)}</p>`;
}
