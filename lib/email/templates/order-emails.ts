// The emails about an order: placed, shipped, refunded, canceled. Each takes the serialized order
// (and what its event says) and returns the subject, an HTML part and a plain-text part.
import { STORE_NAME } from "../../../components/ui/store-name";
import { button, heading, html, layout, money, paragraph, textLayout, type Markup, type RenderedEmail } from "./layout";
import {
  addressHtml,
  addressLines,
  deliverySummary,
  itemsHtml,
  itemsText,
  orderLabel,
  orderUrl,
  paymentSummary,
  totalsHtml,
  totalsText,
  type EmailOrder,
} from "./order-parts";

type Context = { storeUrl: string };

function render(input: { subject: string; title: string; preheader: string; body: Markup; text: (string | null | false | undefined)[]; storeUrl: string }): RenderedEmail {
  return {
    subject: input.subject,
    html: layout({ title: input.title, preheader: input.preheader, body: input.body, storeUrl: input.storeUrl }),
    text: textLayout(input.title, input.text, input.storeUrl),
  };
}

export function orderConfirmationEmail(order: EmailOrder, { storeUrl }: Context): RenderedEmail {
  const link = orderUrl(storeUrl, order);
  const shipping = addressLines(order.shipping_address, order.region);
  const billing = order.billing_address ? addressLines(order.billing_address, order.region) : shipping;
  const placedOn = order.created_at ? new Date(order.created_at).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" }) : null;
  return render({
    subject: `Your ${STORE_NAME} order ${orderLabel(order)} is confirmed`,
    title: `Thank you! Order ${orderLabel(order)} is confirmed`,
    preheader: `We received your order ${orderLabel(order)} for ${money(order.summary.total, order.currency_code)}.`,
    storeUrl,
    body: html`${paragraph(html`We received your order <strong>${orderLabel(order)}</strong>${placedOn ? ` on ${placedOn}` : ""}. We will write again when it ships.`)}
${button(link, "View your order")}
${heading("Items")}
${itemsHtml(order)}
${totalsHtml(order)}
${heading("Shipping address")}
${addressHtml(shipping)}
${heading("Billing address")}
${addressHtml(billing)}
${heading("Delivery")}
${paragraph(deliverySummary(order))}
${heading("Payment")}
${paragraph(paymentSummary(order))}
${order.payments[0]?.provider_id === "manual" ? paragraph("Test payment: no money was moved.", true) : ""}
${paragraph(html`Your order online: <a href="${link}">${link}</a>`, true)}`,
    text: [
      `We received your order ${orderLabel(order)}${placedOn ? ` on ${placedOn}` : ""}. We will write again when it ships.`,
      "",
      `View your order: ${link}`,
      "",
      "ITEMS",
      ...itemsText(order),
      "",
      ...totalsText(order),
      "",
      "SHIPPING ADDRESS",
      ...shipping,
      "",
      "BILLING ADDRESS",
      ...billing,
      "",
      `DELIVERY: ${deliverySummary(order)}`,
      `PAYMENT: ${paymentSummary(order)}`,
      order.payments[0]?.provider_id === "manual" && "Test payment: no money was moved.",
    ],
  });
}

export function shippingConfirmationEmail(order: EmailOrder, shipment: { tracking_numbers: string[] }, { storeUrl }: Context): RenderedEmail {
  const link = orderUrl(storeUrl, order);
  const shipping = addressLines(order.shipping_address, order.region);
  const tracking = shipment.tracking_numbers.filter(Boolean);
  return render({
    subject: `Your ${STORE_NAME} order ${orderLabel(order)} has shipped`,
    title: `Order ${orderLabel(order)} is on its way`,
    preheader: tracking.length ? `Tracking: ${tracking.join(", ")}` : `Your order ${orderLabel(order)} has shipped.`,
    storeUrl,
    body: html`${paragraph(html`Good news: your order <strong>${orderLabel(order)}</strong> has left our warehouse.`)}
${heading(tracking.length > 1 ? "Tracking numbers" : "Tracking number")}
${tracking.length ? html`<ul style="margin:0 0 12px;padding-left:20px">${tracking.map((number) => html`<li><code style="font-size:15px">${number}</code></li>`)}</ul>` : paragraph("The carrier did not give a tracking number for this shipment.", true)}
${heading("Delivery")}
${paragraph(deliverySummary(order))}
${heading("Shipping to")}
${addressHtml(shipping)}
${heading("Items")}
${itemsHtml(order)}
${button(link, "View your order")}`,
    text: [
      `Good news: your order ${orderLabel(order)} has left our warehouse.`,
      "",
      tracking.length ? `TRACKING: ${tracking.join(", ")}` : "The carrier did not give a tracking number for this shipment.",
      `DELIVERY: ${deliverySummary(order)}`,
      "",
      "SHIPPING TO",
      ...shipping,
      "",
      "ITEMS",
      ...itemsText(order),
      "",
      `View your order: ${link}`,
    ],
  });
}

export function refundEmail(order: EmailOrder, refund: { amount: number; reason?: string | null }, { storeUrl }: Context): RenderedEmail {
  const link = orderUrl(storeUrl, order);
  const amount = money(refund.amount, order.currency_code);
  const reason = refund.reason ? REFUND_REASONS[refund.reason] ?? refund.reason : null;
  return render({
    subject: `A refund of ${amount} for your ${STORE_NAME} order ${orderLabel(order)}`,
    title: `We refunded ${amount}`,
    preheader: `A refund of ${amount} for order ${orderLabel(order)} is on its way to you.`,
    storeUrl,
    body: html`${paragraph(html`We refunded <strong>${amount}</strong> for your order <strong>${orderLabel(order)}</strong> to the payment method you used. Depending on your bank it can take a few days to show.`)}
${reason ? paragraph(html`Reason: ${reason}`) : ""}
${paragraph(html`Order total: ${money(order.summary.total, order.currency_code)}`, true)}
${button(link, "View your order")}`,
    text: [
      `We refunded ${amount} for your order ${orderLabel(order)} to the payment method you used. Depending on your bank it can take a few days to show.`,
      reason && `Reason: ${reason}`,
      `Order total: ${money(order.summary.total, order.currency_code)}`,
      "",
      `View your order: ${link}`,
    ],
  });
}

const REFUND_REASONS: Record<string, string> = {
  discount: "a discount",
  return: "a return",
  swap: "an exchange",
  claim: "a claim",
  other: "other",
};

/** `refunded_total` (the Store API order's): what was given back, named when there was any. */
export function cancellationEmail(order: EmailOrder & { refunded_total?: number }, { storeUrl }: Context): RenderedEmail {
  const link = orderUrl(storeUrl, order);
  const refunded = order.refunded_total ? money(order.refunded_total, order.currency_code) : null;
  const given = refunded
    ? `We refunded ${refunded} to the payment method you used; depending on your bank it can take a few days to show.`
    : "Any authorization on your card is released and any payment we took is refunded to the payment method you used.";
  return render({
    subject: `Your ${STORE_NAME} order ${orderLabel(order)} was canceled`,
    title: `Order ${orderLabel(order)} was canceled`,
    preheader: refunded ? `Your order ${orderLabel(order)} was canceled; ${refunded} is refunded.` : `Your order ${orderLabel(order)} was canceled; any payment is given back.`,
    storeUrl,
    body: html`${paragraph(html`Your order <strong>${orderLabel(order)}</strong> was canceled. ${given}`)}
${heading("Canceled items")}
${itemsHtml(order)}
${totalsHtml(order)}
${paragraph("Questions? Reply to this email and we will help.", true)}
${button(link, "View your order")}`,
    text: [
      `Your order ${orderLabel(order)} was canceled. ${given}`,
      "",
      "CANCELED ITEMS",
      ...itemsText(order),
      "",
      ...totalsText(order),
      "",
      "Questions? Reply to this email and we will help.",
      `View your order: ${link}`,
    ],
  });
}
