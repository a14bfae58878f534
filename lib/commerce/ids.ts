// Ids are a readable prefix and 26 Crockford base-32 characters (time-ordered, like a ULID), so
// a log line tells what a thing is and ids sort by creation.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const ID_PREFIXES = {
  region: "reg",
  product: "prod",
  image: "img",
  option: "opt",
  optionValue: "optval",
  variant: "variant",
  price: "ma",
  shippingOption: "so",
  discount: "disc",
  customer: "cus",
  address: "addr",
  cart: "cart",
  lineItem: "item",
  shippingMethod: "sm",
  paymentSession: "ps",
  order: "order",
  payment: "pay",
  idempotencyKey: "ikey",
  event: "evt",
  refund: "ref",
  fulfillment: "ful",
  orderActivity: "oact",
  user: "usr",
  eventDelivery: "dlv",
  mailboxMessage: "mail",
  taxRate: "txr",
  discountRedemption: "dred",
  giftCard: "gift",
  giftCardTransaction: "gct",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export function newId(kind: IdKind, now = Date.now()): string {
  let time = "";
  let remaining = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  const random = Array.from(randomBytes(16), (byte) => ALPHABET[byte % 32]).join("");
  return `${ID_PREFIXES[kind]}_${time}${random}`;
}

/** True when the string could be an id of that kind; lets the API answer 404 without a query. */
export function looksLikeId(kind: IdKind, value: string): boolean {
  return value.startsWith(`${ID_PREFIXES[kind]}_`) && /^[a-z]+_[0-9A-Za-z_]{1,64}$/.test(value);
}
