// The merchant takes orders paid with the manual (test) provider from placed to shipped, captured
// and refunded through medusa-js's admin client; every disallowed step is refused and changes
// nothing; two admins acting at once move money once.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { demoAdmin, orderState, placeOrder, refusal } from "../support/admin-api";
import { api, VARIANTS } from "../support/store-api";
import { disconnectDb, setStock, stockOf } from "../support/test-db";
import { db } from "../../lib/db/client";
import type Medusa from "@medusajs/medusa-js";

after(disconnectDb);

let admin: Medusa;
before(async () => {
  admin = await demoAdmin();
  await setStock(VARIANTS.tote, 500);
  await setStock(VARIANTS.mugSand, 500);
});

const twoLines = () => [
  { variant_id: VARIANTS.tote, quantity: 2 },
  { variant_id: VARIANTS.mugSand, quantity: 1 },
];

const eventsOf = (orderId: string) =>
  db().outboxEvent.findMany({ where: { resourceId: orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }).then((rows) => rows.map((row) => ({ name: row.name, data: JSON.parse(row.dataJson) })));

describe("an order's life through the Admin API (manual provider)", () => {
  test("capture → partial fulfilment → shipment → partial refund → full refund; statuses and totals tell the truth at every step", async () => {
    const placed = await placeOrder(twoLines());
    const tote = placed.items.find((item: any) => item.variant_id === VARIANTS.tote);
    const mug = placed.items.find((item: any) => item.variant_id === VARIANTS.mugSand);

    let { order } = await admin.admin.orders.retrieve(placed.id);
    assert.equal(order.status, "pending");
    assert.equal(order.payment_status, "awaiting");
    assert.equal(order.fulfillment_status, "not_fulfilled");
    assert.equal(order.paid_total, 0);
    assert.equal((order.payments[0] as any).authorization_expires_at, null, "a manual authorization does not lapse");

    ({ order } = await admin.admin.orders.capturePayment(order.id));
    assert.equal(order.payment_status, "captured");
    assert.equal(order.paid_total, placed.total);
    assert.ok(order.payments[0].captured_at);

    ({ order } = await admin.admin.orders.createFulfillment(order.id, { items: [{ item_id: tote.id, quantity: 1 }] }));
    assert.equal(order.fulfillment_status, "partially_fulfilled");
    assert.equal(order.fulfillments.length, 1);
    assert.deepEqual(order.fulfillments[0].items.map((item: any) => [item.item_id, item.quantity]), [[tote.id, 1]]);
    const firstFulfillment = order.fulfillments[0].id;

    ({ order } = await admin.admin.orders.createShipment(order.id, { fulfillment_id: firstFulfillment, tracking_numbers: ["DHL-0001"] }));
    assert.equal(order.fulfillment_status, "partially_shipped");
    assert.deepEqual(order.fulfillments[0].tracking_numbers, ["DHL-0001"]);
    assert.ok(order.fulfillments[0].shipped_at);

    ({ order } = await admin.admin.orders.createFulfillment(order.id, {
      items: [
        { item_id: tote.id, quantity: 1 },
        { item_id: mug.id, quantity: 1 },
      ],
    }));
    assert.equal(order.fulfillment_status, "partially_shipped", "fulfilled, but only part of it shipped");
    const second = order.fulfillments.find((fulfillment: any) => fulfillment.id !== firstFulfillment)!;
    ({ order } = await admin.admin.orders.createShipment(order.id, { fulfillment_id: second.id, tracking_numbers: ["DHL-0002", "DHL-0003"] }));
    assert.equal(order.fulfillment_status, "shipped");
    assert.deepEqual(order.items.map((item: any) => [item.fulfilled_quantity, item.shipped_quantity]).sort(), [[1, 1], [2, 2]]);

    ({ order } = await admin.admin.orders.refundPayment(order.id, { amount: 1000, reason: "discount", note: "Sorry for the wait" }));
    assert.equal(order.payment_status, "partially_refunded");
    assert.equal(order.refunded_total, 1000);
    assert.equal(order.payments[0].amount_refunded, 1000);
    assert.deepEqual(order.refunds.map((refund: any) => [refund.amount, refund.reason, refund.note]), [[1000, "discount", "Sorry for the wait"]]);

    ({ order } = await admin.admin.orders.refundPayment(order.id, { amount: placed.total - 1000, reason: "return" }));
    assert.equal(order.payment_status, "refunded");
    assert.equal(order.refunded_total, placed.total);
    assert.equal(order.paid_total, placed.total, "paid_total is what was captured, refunds are beside it");

    ({ order } = await admin.admin.orders.complete(order.id));
    assert.equal(order.status, "completed");
    ({ order } = await admin.admin.orders.archive(order.id));
    assert.equal(order.status, "archived");

    // The history says who did what, in order.
    const history = (order as any).activities.map((entry: any) => [entry.action, entry.actor]);
    assert.deepEqual(history, [
      ["payment_captured", "admin@example.com"],
      ["fulfillment_created", "admin@example.com"],
      ["shipment_created", "admin@example.com"],
      ["fulfillment_created", "admin@example.com"],
      ["shipment_created", "admin@example.com"],
      ["refund_created", "admin@example.com"],
      ["refund_created", "admin@example.com"],
      ["order_completed", "admin@example.com"],
      ["order_archived", "admin@example.com"],
    ]);

    // The outbox got one event per change, with the documented data.
    const events = await eventsOf(order.id);
    // order.placed is the checkout's (issue 8 may record it); what the merchant did follows it.
    assert.deepEqual(events.map((event) => event.name).filter((name) => name !== "order.placed"), [
      "order.payment_captured",
      "order.fulfillment_created",
      "order.shipment_created",
      "order.fulfillment_created",
      "order.shipment_created",
      "order.refund_created",
      "order.refund_created",
    ]);
    const captured = events.find((event) => event.name === "order.payment_captured")!;
    assert.deepEqual(captured.data, { payment_id: order.payments[0].id, amount: placed.total });
    const shipped = events.filter((event) => event.name === "order.shipment_created").at(-1)!;
    assert.deepEqual(shipped.data, { fulfillment_id: second.id, tracking_numbers: ["DHL-0002", "DHL-0003"] });
    const refunded = events.find((event) => event.name === "order.refund_created")!;
    assert.deepEqual(refunded.data, { refund_id: order.refunds[0].id, amount: 1000, reason: "discount" });

    // The shopper's view of the order tells the same truth.
    const storeOrder = (await api("GET", `/store/orders/${order.id}`)).body.order;
    assert.equal(storeOrder.paid_total, placed.total);
    assert.equal(storeOrder.refunded_total, placed.total);
    assert.equal(storeOrder.payment_status, "refunded");
    assert.equal(storeOrder.fulfillment_status, "shipped");
  });

  test("cancel voids the authorization and puts the stock back", async () => {
    await setStock(VARIANTS.tote, 50);
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 3 }]);
    assert.equal(await stockOf(VARIANTS.tote), 47);
    const { order } = await admin.admin.orders.cancel(placed.id);
    assert.equal(order.status, "canceled");
    assert.equal(order.payment_status, "canceled");
    assert.equal(order.fulfillment_status, "canceled");
    assert.ok(order.canceled_at);
    assert.ok(order.payments[0].canceled_at);
    assert.equal(await stockOf(VARIANTS.tote), 50);
    const events = await eventsOf(order.id);
    assert.equal(events.filter((event) => event.name === "order.canceled").length, 1);
  });

  test("cancel after capture refunds what is left", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.mugSand, quantity: 1 }]);
    await admin.admin.orders.capturePayment(placed.id);
    await admin.admin.orders.refundPayment(placed.id, { amount: 100, reason: "other" });
    const { order } = await admin.admin.orders.cancel(placed.id);
    assert.equal(order.status, "canceled");
    assert.equal(order.payment_status, "refunded");
    assert.equal(order.refunded_total, placed.total);
    assert.deepEqual(order.refunds.map((refund: any) => refund.amount), [100, placed.total - 100]);
  });

  test("a fulfilment not yet shipped can be canceled; its items can be fulfilled again", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    let { order } = await admin.admin.orders.createFulfillment(placed.id, { items: [{ item_id: placed.items[0].id, quantity: 1 }] });
    assert.equal(order.fulfillment_status, "fulfilled");
    ({ order } = await admin.admin.orders.cancelFulfillment(order.id, order.fulfillments[0].id));
    assert.equal(order.fulfillment_status, "not_fulfilled");
    assert.ok(order.fulfillments[0].canceled_at);
    ({ order } = await admin.admin.orders.createFulfillment(order.id, { items: [{ item_id: placed.items[0].id, quantity: 1 }] }));
    assert.equal(order.fulfillment_status, "fulfilled");
  });
});

describe("disallowed transitions are 4xx with a clear message and change nothing", () => {
  async function refusedWithoutChange(orderId: string, action: () => Promise<unknown>, expected: { status: number; message: RegExp }) {
    const before = orderState((await admin.admin.orders.retrieve(orderId)).order);
    const answer = await refusal(action());
    assert.equal(answer.status, expected.status, JSON.stringify(answer.body));
    assert.match(answer.body.message, expected.message);
    assert.ok(answer.body.type);
    assert.deepEqual(orderState((await admin.admin.orders.retrieve(orderId)).order), before, "nothing changed");
  }

  test("on a fresh order", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 2 }]);
    const item = placed.items[0];
    await refusedWithoutChange(placed.id, () => admin.admin.orders.refundPayment(placed.id, { amount: 100, reason: "other" }), { status: 400, message: /Nothing has been captured/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.archive(placed.id), { status: 400, message: /Only a completed or canceled order can be archived/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.createShipment(placed.id, { fulfillment_id: "ful_unknown" }), { status: 404, message: /ful_unknown was not found/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.createFulfillment(placed.id, { items: [{ item_id: item.id, quantity: 3 }] }), { status: 400, message: /only 2 of 2 are left to fulfill/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.createFulfillment(placed.id, { items: [{ item_id: "item_other", quantity: 1 }] }), { status: 400, message: /not part of this order/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.createFulfillment(placed.id, { items: [] }), { status: 400, message: /at least one item/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.createFulfillment(placed.id, { items: [{ item_id: item.id, quantity: 0 }] }), { status: 400, message: /at least 1/ });
  });

  test("capture twice, refund more than captured, refund nothing, an unknown reason", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    await admin.admin.orders.capturePayment(placed.id);
    await refusedWithoutChange(placed.id, () => admin.admin.orders.capturePayment(placed.id), { status: 400, message: /already captured/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.refundPayment(placed.id, { amount: placed.total + 1, reason: "other" }), {
      status: 400,
      message: new RegExp(`only ${placed.total} EUR of what was captured is left to refund`),
    });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.refundPayment(placed.id, { amount: 0, reason: "other" }), { status: 400, message: /amount: must be more than 0/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.refundPayment(placed.id, { amount: 10.5, reason: "other" }), { status: 400, message: /whole number/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.refundPayment(placed.id, { amount: 100, reason: "because" as any }), { status: 400, message: /reason: must be one of/ });
    await admin.admin.orders.refundPayment(placed.id, { amount: placed.total - 50, reason: "other" });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.refundPayment(placed.id, { amount: 51, reason: "other" }), { status: 400, message: /only 50 EUR/ });
  });

  test("ship twice, cancel a shipped fulfilment, cancel a shipped order", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    let { order } = await admin.admin.orders.createFulfillment(placed.id, { items: [{ item_id: placed.items[0].id, quantity: 1 }] });
    const fulfillmentId = order.fulfillments[0].id;
    await refusedWithoutChange(placed.id, () => admin.admin.orders.cancel(placed.id), { status: 400, message: /Cancel the order's fulfillments before canceling the order/ });
    ({ order } = await admin.admin.orders.createShipment(placed.id, { fulfillment_id: fulfillmentId, tracking_numbers: ["UPS-1"] }));
    await refusedWithoutChange(placed.id, () => admin.admin.orders.createShipment(placed.id, { fulfillment_id: fulfillmentId }), { status: 400, message: /already shipped/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.cancelFulfillment(placed.id, fulfillmentId), { status: 400, message: /A shipped fulfillment cannot be canceled/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.cancel(placed.id), { status: 400, message: /A shipped order cannot be canceled/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.createFulfillment(placed.id, { items: [{ item_id: placed.items[0].id, quantity: 1 }] }), { status: 400, message: /already fulfilled/ });
  });

  test("nothing but archiving changes a canceled order; nothing changes an archived one", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    await admin.admin.orders.cancel(placed.id);
    await refusedWithoutChange(placed.id, () => admin.admin.orders.capturePayment(placed.id), { status: 400, message: /The order is canceled: cannot capture/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.cancel(placed.id), { status: 400, message: /canceled/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.complete(placed.id), { status: 400, message: /The order is canceled: cannot complete it/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.createFulfillment(placed.id, { items: [{ item_id: placed.items[0].id, quantity: 1 }] }), { status: 400, message: /canceled/ });
    await admin.admin.orders.archive(placed.id);
    await refusedWithoutChange(placed.id, () => admin.admin.orders.archive(placed.id), { status: 400, message: /already archived/ });
    await refusedWithoutChange(placed.id, () => admin.admin.orders.refundPayment(placed.id, { amount: 1, reason: "other" }), { status: 400, message: /archived/ });
  });

  test("unknown orders are 404s; bodies the route does not take are 400s", async () => {
    assert.equal((await refusal(admin.admin.orders.retrieve("order_doesnotexist"))).status, 404);
    assert.equal((await refusal(admin.admin.orders.capturePayment("order_doesnotexist"))).status, 404);
    assert.equal((await refusal(admin.admin.orders.retrieve("not-an-id"))).status, 404);
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    const unknownField = await refusal(admin.admin.orders.refundPayment(placed.id, { amount: 1, reason: "other", sneaky: true } as any));
    assert.equal(unknownField.status, 400);
    assert.match(unknownField.body.message, /unknown field "sneaky"/);
    const badList = await refusal(admin.admin.orders.list({ status: ["shipped-yesterday"] } as any));
    assert.equal(badList.status, 400);
  });
});

describe("the orders list", () => {
  test("filters by status, payment and fulfilment status, searches email and display id, pages", async () => {
    const first = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    const second = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    await admin.admin.orders.capturePayment(second.id);

    const byEmail = await admin.admin.orders.list({ q: first.email } as any);
    assert.deepEqual(byEmail.orders.map((order: any) => order.id), [first.id]);
    assert.equal(byEmail.count, 1);
    const byNumber = await admin.admin.orders.list({ q: String(second.display_id) } as any);
    assert.ok(byNumber.orders.some((order: any) => order.id === second.id));

    const captured = await admin.admin.orders.list({ payment_status: ["captured"], limit: 100 } as any);
    assert.ok(captured.orders.every((order: any) => order.payment_status === "captured"));
    assert.ok(captured.orders.some((order: any) => order.id === second.id));
    assert.ok(!captured.orders.some((order: any) => order.id === first.id));

    const awaitingNotFulfilled = await admin.admin.orders.list({ payment_status: ["awaiting"], fulfillment_status: ["not_fulfilled"], status: ["pending"], limit: 100 } as any);
    assert.ok(awaitingNotFulfilled.orders.some((order: any) => order.id === first.id));

    const page = await admin.admin.orders.list({ limit: 1, offset: 0 } as any);
    assert.equal(page.orders.length, 1);
    assert.equal(page.limit, 1);
    assert.equal(page.offset, 0);
    assert.ok(page.count >= 2);
    assert.equal(page.orders[0].id, second.id, "newest first");
    const next = await admin.admin.orders.list({ limit: 1, offset: 1 } as any);
    assert.equal(next.orders[0].id, first.id);

    const since = await admin.admin.orders.list({ created_at: { gte: second.created_at } } as any);
    assert.ok(since.orders.every((order: any) => order.created_at >= second.created_at));
    assert.ok(since.orders.some((order: any) => order.id === second.id));
  });
});

describe("two admins at once", () => {
  test("capturing the same order on two instances at once captures once", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    const [one, two] = [await demoAdmin(0), await demoAdmin(1)];
    const answers = await Promise.allSettled([one.admin.orders.capturePayment(placed.id), two.admin.orders.capturePayment(placed.id), one.admin.orders.capturePayment(placed.id)]);
    const succeeded = answers.filter((answer) => answer.status === "fulfilled");
    assert.equal(succeeded.length, 1, "exactly one capture succeeds");
    for (const answer of answers.filter((candidate) => candidate.status === "rejected")) {
      const status = (answer as PromiseRejectedResult).reason.response.status;
      assert.ok(status === 409 || status === 400, `a losing capture is told why (${status})`);
    }
    const events = await eventsOf(placed.id);
    assert.equal(events.filter((event) => event.name === "order.payment_captured").length, 1);
  });

  test("refunding the same order on two instances at once never refunds more than was captured", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 2 }]);
    await admin.admin.orders.capturePayment(placed.id);
    const amount = Math.floor(placed.total * 0.6);
    const [one, two] = [await demoAdmin(0), await demoAdmin(1)];
    // Each admin retries a "try again" (409) as a person would; at most one refund can fit.
    const refundWithRetries = async (client: Medusa) => {
      for (let attempt = 0; attempt < 40; attempt++) {
        try {
          return await client.admin.orders.refundPayment(placed.id, { amount, reason: "other" });
        } catch (error) {
          if ((error as any).response?.status !== 409) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      throw new Error("still busy after 40 tries");
    };
    const answers = await Promise.allSettled([refundWithRetries(one), refundWithRetries(two)]);
    assert.equal(answers.filter((answer) => answer.status === "fulfilled").length, 1);
    const refused = answers.find((answer) => answer.status === "rejected") as PromiseRejectedResult;
    assert.equal(refused.reason.response.status, 400);
    assert.match(refused.reason.response.data.message, /left to refund/);
    const { order } = await admin.admin.orders.retrieve(placed.id);
    assert.equal(order.refunded_total, amount);
    assert.equal(order.refunds.length, 1);
  });
});
