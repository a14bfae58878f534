// The emails a shopper receives: every field of the order in both parts, money in the order's
// currency, and nothing a shopper or merchant typed ever becoming markup.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { escapeHtml, html } from "../../lib/email/templates/layout";
import type { EmailOrder } from "../../lib/email/templates/order-parts";
import { cancellationEmail, orderConfirmationEmail, refundEmail, shippingConfirmationEmail } from "../../lib/email/templates/order-emails";
import { orderClaimEmail, passwordResetEmail } from "../../lib/email/templates/customer-emails";

const storeUrl = "https://shop.example";
const context = { storeUrl };

function address(overrides: Partial<NonNullable<EmailOrder["shipping_address"]>> = {}): NonNullable<EmailOrder["shipping_address"]> {
  return {
    id: "addr_1",
    first_name: "Ada",
    last_name: "Lovelace",
    company: null,
    phone: "+49 30 123456",
    address_1: "Torstraße 1",
    address_2: "Hinterhaus",
    city: "Berlin",
    country_code: "de",
    province: null,
    postal_code: "10119",
    metadata: null,
    ...overrides,
  };
}

function item(overrides: Record<string, unknown>) {
  return {
    id: "item_1",
    cart_id: "cart_1",
    order_id: "order_1",
    title: "Linen shirt",
    description: "M / Sand",
    thumbnail: null,
    variant_id: "variant_1",
    variant: { id: "variant_1", title: "M / Sand", sku: null, product_id: "prod_1", inventory_quantity: 3, product: { id: "prod_1", title: "Linen shirt", handle: "linen-shirt", thumbnail: null } },
    unit_price: 4500,
    includes_tax: false,
    quantity: 2,
    is_giftcard: false,
    should_merge: true,
    allow_discounts: true,
    has_shipping: false,
    subtotal: 9000,
    discount_total: 0,
    tax_total: 1800,
    total: 10800,
    original_total: 10800,
    created_at: null,
    ...overrides,
  } as EmailOrder["items"][number];
}

/** An order whose shopper summary follows its Medusa totals (tax added on top, 20 % VAT) unless given. */
function order(overrides: Partial<EmailOrder> = {}): EmailOrder {
  const base = orderFields(overrides);
  return {
    summary: {
      items: base.subtotal,
      discount: base.discount_total,
      shipping: base.shipping_total,
      tax_added: base.tax_total,
      tax_included: 0,
      gift_card: base.gift_card_total,
      total: base.total,
    },
    tax_breakdown: [{ name: "VAT", code: null, rate: 20, amount: base.tax_total }],
    gift_cards: [],
    ...base,
  } as EmailOrder;
}

function orderFields(overrides: Partial<EmailOrder>) {
  return {
    id: "order_01TEST",
    display_id: 1042,
    email: "ada@example.com",
    currency_code: "eur",
    items: [item({}), item({ id: "item_2", title: "Wool socks", description: "One size", unit_price: 1250, quantity: 1, subtotal: 1250 })],
    shipping_address: address(),
    billing_address: { ...address(), first_name: "Charles", last_name: "Babbage", address_1: "Invoice Lane 9", address_2: null, city: "London", postal_code: "N1 9GU", country_code: "gb", phone: null },
    shipping_methods: [{ id: "sm_1", name: "Express delivery", price: 1500 } as EmailOrder["shipping_methods"][number]],
    payments: [{ id: "pay_1", provider_id: "stripe" } as EmailOrder["payments"][number]],
    payment_status: "captured",
    discounts: [{ code: "WELCOME10", rule: { type: "percentage", value: 10 } }],
    region: { includes_tax: false, countries: [{ iso_2: "de", display_name: "Germany" }, { iso_2: "gb", display_name: "United Kingdom" }] } as EmailOrder["region"],
    subtotal: 10250,
    discount_total: 1025,
    shipping_total: 1500,
    tax_total: 2145,
    gift_card_total: 0,
    total: 12870,
    created_at: "2026-12-03T10:00:00.000Z",
    ...overrides,
  };
}

/** Both parts of an email, with the HTML reduced to its visible text. */
const visible = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");

function assertBothParts(email: { html: string; text: string }, expected: string[]) {
  const htmlText = visible(email.html);
  for (const fragment of expected) {
    assert.ok(htmlText.includes(fragment), `HTML part lacks ${JSON.stringify(fragment)}`);
    assert.ok(email.text.replace(/\s+/g, " ").includes(fragment), `text part lacks ${JSON.stringify(fragment)}`);
  }
}

describe("escaping", () => {
  test("escapeHtml turns every markup character into an entity", () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&</a>`), "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  test("html`` escapes interpolations but keeps nested markup built with it", () => {
    const inner = html`<b>${"<i>"}</b>`;
    assert.equal(html`<p>${inner}${"&"}${null}${[html`<br>`, "<"]}</p>`.markup, "<p><b>&lt;i&gt;</b>&amp;<br>&lt;</p>");
  });

  test("a product title, a name and an address with markup arrive as text, not markup", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const email = orderConfirmationEmail(
      order({
        items: [item({ title: hostile, description: "<script>alert(2)</script>" })],
        shipping_address: { ...address(), first_name: hostile, address_1: "</td></tr><tr><td>" },
      }),
      context,
    );
    assert.ok(!email.html.includes("<img src=x"), "the title became markup");
    assert.ok(!email.html.includes("<script>"), "the description became markup");
    assert.ok(!email.html.includes("</td></tr><tr><td>"), "the address broke out of its cell");
    assert.ok(email.html.includes("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"));
    assert.ok(email.text.includes(hostile), "the plain-text part shows the title as typed");
  });

  test("a link built from an order id cannot leave its attribute", () => {
    const email = orderConfirmationEmail(order({ id: 'order_"><script>' }), context);
    assert.ok(!email.html.includes('"><script>'));
    assert.ok(email.html.includes("https://shop.example/order/confirmed/order_%22%3E%3Cscript%3E"));
  });
});

describe("money", () => {
  test("minor units become the currency's major units with its symbol", () => {
    const email = orderConfirmationEmail(order(), context);
    assertBothParts(email, ["€128.70", "€102.50", "€15.00", "€21.45", "−€10.25", "€45.00", "€90.00", "€12.50"]);
  });

  test("US dollars and a currency without minor digits (JPY)", () => {
    assertBothParts(orderConfirmationEmail(order({ currency_code: "usd", total: 199 }), context), ["$1.99"]);
    const yen = orderConfirmationEmail(order({ currency_code: "jpy", total: 1500, items: [item({ unit_price: 750, subtotal: 1500 })] }), context);
    assertBothParts(yen, ["¥1,500", "¥750"]);
    assert.ok(!yen.text.includes("¥15.00"), "JPY has no minor digits");
  });

  test("free shipping says Free; no discount or gift card, no such row", () => {
    const email = orderConfirmationEmail(order({ shipping_total: 0, shipping_methods: [{ id: "sm", name: "Standard", price: 0 } as EmailOrder["shipping_methods"][number]], discount_total: 0, discounts: [] }), context);
    assertBothParts(email, ["Standard · Free"]);
    assert.ok(email.text.includes("Shipping: Free"));
    assert.ok(visible(email.html).includes("Shipping Free"));
    assert.ok(!email.text.includes("Discount"));
    assert.ok(!email.text.includes("Gift card"));
  });

  test("a gift card amount is shown as taken off, with its code", () => {
    const email = orderConfirmationEmail(order({ gift_card_total: 2000, gift_cards: [{ id: "gift_1", code: "GIFT-ABCD" }] as EmailOrder["gift_cards"] }), context);
    assertBothParts(email, ["Gift card (GIFT-ABCD)", "−€20.00"]);
  });

  test("prices that include VAT: the subtotal says so and the VAT inside the total is named under it", () => {
    const base = order();
    const email = orderConfirmationEmail(
      {
        ...base,
        region: { ...base.region, includes_tax: true },
        items: [item({ includes_tax: true, unit_price: 2380, quantity: 1, subtotal: 2000, original_total: 2380 })],
        summary: { items: 2380, discount: 0, shipping: 0, tax_added: 0, tax_included: 380, gift_card: 0, total: 2380 },
        tax_breakdown: [{ name: "VAT", code: null, rate: 19, amount: 380 }],
      },
      context,
    );
    assert.ok(email.text.includes("Subtotal (incl. VAT): €23.80"));
    assert.ok(email.text.includes("Total: €23.80"));
    assert.ok(email.text.includes("Includes VAT 19 %: €3.80"));
    assert.ok(email.text.includes("1 × €23.80 = €23.80"), "the line as the shopper saw it priced");
    assert.ok(!email.text.includes("€20.00"), "never the net figure");
  });
});

describe("order confirmation", () => {
  const email = orderConfirmationEmail(order(), context);

  test("the subject names the store and the order number", () => {
    assert.equal(email.subject, "Your Kestrel Goods order #1042 is confirmed");
  });

  test("every field of the order is in both parts", () => {
    assertBothParts(email, [
      "#1042",
      "December 3, 2026",
      "Linen shirt",
      "M / Sand",
      "2 × €45.00",
      "Wool socks",
      "Subtotal",
      "Discount (WELCOME10)",
      "VAT 20 %",
      "Total",
      "Ada Lovelace",
      "Torstraße 1",
      "Hinterhaus",
      "10119 Berlin",
      "Germany",
      "+49 30 123456",
      "Charles Babbage",
      "Invoice Lane 9",
      "N1 9GU London",
      "United Kingdom",
      "Express delivery · €15.00",
      "Credit or debit card · Paid",
      "https://shop.example/order/confirmed/order_01TEST",
    ]);
  });

  test("the HTML part has a button to the order page and the store's look", () => {
    assert.match(email.html, /<a href="https:\/\/shop\.example\/order\/confirmed\/order_01TEST"[^>]*>View your order<\/a>/);
    assert.ok(email.html.includes("#1f3a33"), "the brand colour of app/globals.css");
    assert.ok(email.html.startsWith("<!doctype html>"));
  });

  test("without a billing address the shipping address is the billing address", () => {
    const single = orderConfirmationEmail(order({ billing_address: null }), context);
    assert.equal(single.text.split("Torstraße 1").length - 1, 2);
  });

  test("a test payment says no money moved; an authorization says when it is charged", () => {
    const manual = orderConfirmationEmail(order({ payments: [{ id: "p", provider_id: "manual" } as EmailOrder["payments"][number]], payment_status: "awaiting" }), context);
    assertBothParts(manual, ["Test payment · Authorized, charged when your order ships", "Test payment: no money was moved."]);
  });
});

describe("emails for what the merchant does", () => {
  test("shipping confirmation lists every tracking number, the address and the items", () => {
    const email = shippingConfirmationEmail(order(), { tracking_numbers: ["1Z999AA10123456784", "JD014600006251987654"] }, context);
    assert.equal(email.subject, "Your Kestrel Goods order #1042 has shipped");
    assertBothParts(email, ["1Z999AA10123456784", "JD014600006251987654", "Ada Lovelace", "Linen shirt", "Express delivery"]);
    assert.ok(email.text.includes("https://shop.example/order/confirmed/order_01TEST"));
    assert.ok(email.html.includes('href="https://shop.example/order/confirmed/order_01TEST"'));
  });

  test("a shipment without tracking says so instead of an empty list", () => {
    const email = shippingConfirmationEmail(order(), { tracking_numbers: [] }, context);
    assertBothParts(email, ["The carrier did not give a tracking number"]);
  });

  test("refund: the amount in the order's currency and the reason", () => {
    const email = refundEmail(order({ currency_code: "usd" }), { amount: 1999, reason: "return" }, context);
    assert.equal(email.subject, "A refund of $19.99 for your Kestrel Goods order #1042");
    assertBothParts(email, ["$19.99", "Reason: a return", "#1042"]);
  });

  test("refund reason typed by a merchant is escaped", () => {
    const email = refundEmail(order(), { amount: 100, reason: "<b>sorry</b>" }, context);
    assert.ok(!email.html.includes("<b>sorry</b>"));
    assert.ok(email.text.includes("Reason: <b>sorry</b>"));
  });

  test("cancellation: the order, its items and its total", () => {
    const email = cancellationEmail(order(), context);
    assert.equal(email.subject, "Your Kestrel Goods order #1042 was canceled");
    assertBothParts(email, ["#1042 was canceled", "Linen shirt", "€128.70", "Any authorization on your card is released"]);
  });

  test("cancellation of a paid order names the amount refunded", () => {
    const email = cancellationEmail({ ...order(), refunded_total: 12870 }, context);
    assertBothParts(email, ["#1042 was canceled", "We refunded €128.70 to the payment method you used"]);
  });
});

describe("customer emails", () => {
  test("password reset links to the storefront's reset page with the token and the email", () => {
    const email = passwordResetEmail({ email: "a+b@example.com", token: "tok/en=1&x", expires_at: "2026-12-03T11:00:00.000Z" }, context);
    const link = "https://shop.example/account/reset-password?token=tok%2Fen%3D1%26x&email=a%2Bb%40example.com";
    assert.ok(email.text.includes(link));
    assert.ok(email.html.includes(link.replace(/&/g, "&amp;")), "the link is in the HTML part, escaped as an attribute");
    assertBothParts(email, ["a+b@example.com", "Dec 3, 2026, 11:00 AM UTC", "works once"]);
    const url = new URL(email.text.split("\n").find((line) => line.startsWith("https://"))!);
    assert.equal(url.searchParams.get("token"), "tok/en=1&x");
    assert.equal(url.searchParams.get("email"), "a+b@example.com");
  });

  test("order claim shows the confirmation code and how many orders", () => {
    const email = orderClaimEmail({ email: "ada@example.com", token: "CLAIM-7Q2X", order_ids: ["order_1", "order_2"] }, context);
    assertBothParts(email, ["CLAIM-7Q2X", "2 earlier orders", "ada@example.com"]);
    assert.ok(email.text.includes("https://shop.example/account/claim-orders?token=CLAIM-7Q2X"));
    assert.ok(email.html.includes('href="https://shop.example/account/claim-orders?token=CLAIM-7Q2X"'));
    assert.equal(orderClaimEmail({ email: "a@b.c", token: "t", order_ids: ["o"] }, context).subject, "Your Kestrel Goods code to add 1 earlier order to your account");
  });
});
