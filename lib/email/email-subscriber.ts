// The subscriber that turns events into emails to the shopper. It reads the order as the Store
// API serializes it at delivery time (so the email shows what the order page shows), renders the
// template and sends it with a Message-ID derived from the delivery key (idempotent per event).
import { findOrderRow } from "../commerce/orders";
import { serializeOrder, type StoreOrder } from "../commerce/serialize";
import type { DeliveredEvent, Subscriber } from "../events/subscriber";
import { mailSettings } from "./settings";
import { sendEmail } from "./transport";
import type { RenderedEmail } from "./templates/layout";
import { cancellationEmail, orderConfirmationEmail, refundEmail, shippingConfirmationEmail } from "./templates/order-emails";
import { orderClaimEmail, passwordResetEmail } from "./templates/customer-emails";

type Composed = { to: string; email: RenderedEmail } | null;
type Composer = (event: DeliveredEvent, storeUrl: string) => Promise<Composed>;

const text = (value: unknown) => (typeof value === "string" ? value : "");
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : []);

async function loadOrder(orderId: string): Promise<StoreOrder> {
  const order = await findOrderRow({ id: orderId });
  if (!order) throw new Error(`order ${orderId} of the event does not exist`);
  return serializeOrder(order);
}

const COMPOSERS: Partial<Record<DeliveredEvent["name"], Composer>> = {
  "order.placed": async (event, storeUrl) => {
    const order = await loadOrder(event.resourceId);
    return { to: order.email, email: orderConfirmationEmail(order, { storeUrl }) };
  },
  "order.shipment_created": async (event, storeUrl) => {
    const order = await loadOrder(event.resourceId);
    return { to: order.email, email: shippingConfirmationEmail(order, { tracking_numbers: strings(event.data.tracking_numbers) }, { storeUrl }) };
  },
  "order.refund_created": async (event, storeUrl) => {
    const order = await loadOrder(event.resourceId);
    const amount = Number(event.data.amount);
    if (!Number.isInteger(amount)) throw new Error(`refund event ${event.id} has no integer amount`);
    return { to: order.email, email: refundEmail(order, { amount, reason: text(event.data.reason) || null }, { storeUrl }) };
  },
  "order.canceled": async (event, storeUrl) => {
    const order = await loadOrder(event.resourceId);
    // A captured payment is refunded by the cancellation itself: this notice says how much.
    return { to: order.email, email: cancellationEmail(order, { storeUrl }) };
  },
  "customer.password_reset": async (event, storeUrl) => {
    const reset = { email: text(event.data.email), token: text(event.data.token), expires_at: text(event.data.expires_at) || null };
    if (!reset.email || !reset.token) throw new Error(`password reset event ${event.id} lacks an email or a token`);
    return { to: reset.email, email: passwordResetEmail(reset, { storeUrl }) };
  },
  "order.claim_requested": async (event, storeUrl) => {
    const claim = { email: text(event.data.email), token: text(event.data.token), order_ids: strings(event.data.order_ids) };
    if (!claim.email || !claim.token) throw new Error(`order claim event ${event.id} lacks an email or a token`);
    return { to: claim.email, email: orderClaimEmail(claim, { storeUrl }) };
  },
};

/** The events that send an email; order.placed is the one the storefront promises. */
export const EMAILED_EVENTS = Object.keys(COMPOSERS);

export const EMAIL_SUBSCRIBER = "email";

export const emailSubscriber: Subscriber = {
  name: EMAIL_SUBSCRIBER,
  handles: (eventName) => eventName in COMPOSERS,
  async deliver(event, delivery) {
    const compose = COMPOSERS[event.name];
    // Medusa v1's no_notification: the merchant chose not to tell the shopper (or another email,
    // like the cancellation notice of a cancellation's own refund, already does).
    if (!compose || event.data.no_notification === true) return;
    const { storeUrl } = mailSettings();
    const composed = await compose(event, storeUrl);
    if (!composed) return;
    const { to, email } = composed;
    const host = new URL(storeUrl).hostname || "localhost";
    await sendEmail({ ...email, to, messageId: `<${delivery.key}@${host}>`, eventId: event.id });
  },
};
