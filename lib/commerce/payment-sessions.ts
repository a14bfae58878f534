// Payment sessions: one per payment provider of the cart's region. The selected session is the
// one completion authorizes. An initiated session holds the provider's payment (for Stripe, a
// PaymentIntent) for the cart total; whenever the total changes, syncPaymentSessions makes the
// provider's amount follow, so what the shopper confirms is what the order will say.
// A cart whose total is zero (paid in full by gift cards, or discounted to nothing) has nothing
// to pay, so it has no sessions at all (as in Medusa v1) and completes without a payment.
import { db, type DbTransaction } from "../db/client";
import { getPaymentProvider } from "../payments/registry";
import { PaymentProviderError, type PaymentContext, type ProviderData } from "../payments/provider";
import { findPaymentUse, releaseOrphanedPayment } from "../order-management/orphaned-payments";
import { changeCart, changeCartThenRead, loadCart, retrieveCart } from "./cart-store";
import { notAllowed, notFound, StoreError } from "./errors";
import { newId } from "./ids";
import type { CartRow } from "./queries";
import { cartTotals, parseJson, regionPaymentProviderIds, serializeCart, type StoreCart } from "./serialize";

type SessionRow = CartRow["paymentSessions"][number];

export function paymentContext(cart: CartRow, sessionId: string): PaymentContext {
  return {
    sessionId,
    cartId: cart.id,
    amount: cartTotals(cart).total,
    currencyCode: cart.region.currencyCode,
    email: cart.email,
  };
}

const sessionData = (session: SessionRow): ProviderData => parseJson(session.dataJson) ?? {};

/** Turns a provider refusal into a 4xx the shopper can act on; anything else stays a bug. */
export function providerFailure(error: unknown): never {
  if (error instanceof PaymentProviderError) {
    throw new StoreError(error.code === "invalid_data" ? "invalid_data" : "payment_authorization_error", error.message, error.code);
  }
  throw error;
}

/** Starts the provider's payment; returns the session columns of an initiated session. */
async function initiate(cart: CartRow, providerId: string, sessionId: string) {
  const context = paymentContext(cart, sessionId);
  const provider = getPaymentProvider(providerId);
  const data = await provider.initiatePayment(context).catch(providerFailure);
  return {
    isInitiated: true,
    status: "pending",
    amount: context.amount,
    dataJson: JSON.stringify(data),
    providerReference: provider.paymentReference(data),
  };
}

type StartedPayment = { providerId: string; dataJson: string };

/**
 * Writes sessions whose payments were just started at the provider. If the write fails (e.g. a
 * concurrent request won the race), those payments are cancelled rather than left open.
 */
async function saveStartedPayments<T>(started: StartedPayment[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    await Promise.all(
      started.map((payment) =>
        getPaymentProvider(payment.providerId)
          .cancelPayment(parseJson(payment.dataJson) ?? {})
          .catch(() => undefined),
      ),
    );
    throw error;
  }
}

/**
 * Cancels the payment of a session the cart has left; call it only once the change that removed
 * or replaced the session is committed, so that nothing names the payment any more.
 * A payment the provider will not cancel (the shopper paid it as the cart left it, or earlier,
 * while the provider's webhook found it still the cart's and so kept it) is given back if nothing
 * uses it: the provider will not report it again.
 */
async function cancelAtProvider(session: SessionRow): Promise<void> {
  if (!session.isInitiated) return;
  try {
    await getPaymentProvider(session.providerId).cancelPayment(sessionData(session));
  } catch (error) {
    await giveBackIfUnused(session);
    // A refusal (e.g. already captured) is settled by that; anything else still fails the request.
    if (!(error instanceof PaymentProviderError)) throw error;
  }
}

/**
 * Best effort: the shopper's change is already made, so a failure is logged and the provider's
 * webhook stays the backstop. The release's idempotency keys derive from the payment's reference,
 * so this and any webhook delivery about the same payment move the money once.
 */
async function giveBackIfUnused(session: SessionRow): Promise<void> {
  const { providerId, cartId } = session;
  const reference = getPaymentProvider(providerId).paymentReference(sessionData(session));
  if (!reference) return;
  try {
    const use = await findPaymentUse(providerId, cartId, reference);
    if (use.kind !== "unused") return;
    await releaseOrphanedPayment(providerId, cartId, reference, { orderId: use.orderId, reason: "unused" });
  } catch (error) {
    console.error(`payment-sessions: could not give back ${providerId} payment ${reference} that cart ${cartId} left; the provider's webhook may still`, error);
  }
}

function assertCartCanPay(cart: CartRow) {
  if (cart.items.length === 0) throw notAllowed("Add items to the cart before choosing a payment method", "empty_cart");
}

export const hasNothingToPay = (cart: CartRow) => cart.items.length > 0 && cartTotals(cart).total === 0;

/** Makes the region's sessions exist; with a single provider it is initiated and selected. */
export async function createPaymentSessions(cartId: string): Promise<StoreCart> {
  const cart = await loadCart(cartId);
  if (cart.completedAt) throw notAllowed(`Cart ${cartId} is completed and can no longer be changed`, "cart_completed");
  assertCartCanPay(cart);
  if (hasNothingToPay(cart)) {
    await resetPaymentSessions(cartId, cart);
    return retrieveCart(cartId);
  }
  const providerIds = regionPaymentProviderIds(cart.region);
  const missing = providerIds.filter((providerId) => !cart.paymentSessions.some((session) => session.providerId === providerId));
  const single = providerIds.length === 1 ? providerIds[0] : null;

  const created = await Promise.all(
    missing.map(async (providerId) => {
      const id = newId("paymentSession");
      const started = providerId === single ? await initiate(cart, providerId, id) : null;
      return { id, providerId, started };
    }),
  );
  const startedPayments = created.flatMap((session) => (session.started ? [{ providerId: session.providerId, ...session.started }] : []));
  const changed = await saveStartedPayments(startedPayments, () => changeCartThenRead(cartId, async (tx) => {
    for (const session of created) {
      await tx.paymentSession.create({
        data: {
          id: session.id,
          cartId,
          providerId: session.providerId,
          isSelected: session.providerId === single,
          status: "pending",
          amount: paymentContext(cart, session.id).amount,
          ...session.started,
        },
      });
    }
    // Sessions of providers the region no longer offers go (a region change resets them all).
    if (cart.paymentSessions.some((session) => !providerIds.includes(session.providerId))) {
      await tx.paymentSession.deleteMany({ where: { cartId, providerId: { notIn: providerIds } } });
    }
  }, { readBefore: false }));
  return syncPaymentSessions(cartId, changed);
}

/** Selects a provider; the previous selection is cancelled at its provider. */
export async function setPaymentSession(cartId: string, providerId: string): Promise<StoreCart> {
  const cart = await loadCart(cartId);
  if (cart.completedAt) throw notAllowed(`Cart ${cartId} is completed and can no longer be changed`, "cart_completed");
  if (!regionPaymentProviderIds(cart.region).includes(providerId)) {
    throw notAllowed(`Payment provider ${providerId} is not available in region ${cart.region.name}`, "provider_not_in_region");
  }
  assertCartCanPay(cart);
  if (hasNothingToPay(cart)) throw notAllowed("There is nothing left to pay: gift cards and discounts cover the whole order", "nothing_to_pay");
  const existing = cart.paymentSessions.find((session) => session.providerId === providerId);
  const previous = cart.paymentSessions.filter((session) => session.isSelected && session.providerId !== providerId);

  // A session that is not initiated (never, or its payment was cancelled when the shopper chose
  // another provider) starts over under a new id: providers derive idempotency keys from the id,
  // so reusing it would bring back the cancelled payment.
  const kept = existing?.isInitiated ? existing : null;
  const sessionId = kept?.id ?? newId("paymentSession");
  const started = kept ? null : await initiate(cart, providerId, sessionId);

  const changed = await saveStartedPayments(started ? [{ providerId, ...started }] : [], () => changeCartThenRead(cartId, async (tx) => {
    for (const session of previous) {
      await tx.paymentSession.update({
        where: { id: session.id },
        data: { isSelected: false, isInitiated: false, status: "pending", dataJson: "{}", providerReference: null },
      });
    }
    const fields = { isSelected: true, ...started };
    if (kept) await tx.paymentSession.update({ where: { id: kept.id }, data: fields });
    else {
      if (existing) await tx.paymentSession.delete({ where: { id: existing.id } });
      await tx.paymentSession.create({ data: { id: sessionId, cartId, providerId, amount: 0, status: "pending", ...fields } });
    }
  }, { readBefore: false }));
  // Only once the new selection is saved are the previous payments cancelled.
  await Promise.all(previous.map(cancelAtProvider));
  return syncPaymentSessions(cartId, changed);
}

function findSession(cart: CartRow, providerId: string): SessionRow {
  const session = cart.paymentSessions.find((candidate) => candidate.providerId === providerId);
  if (!session) throw notFound("Payment session for provider", providerId);
  return session;
}

/** Shopper-supplied details for the provider (what a provider accepts is its own rule). */
export async function updatePaymentSession(cartId: string, providerId: string, input: Record<string, unknown>): Promise<StoreCart> {
  const cart = await loadCart(cartId);
  if (cart.completedAt) throw notAllowed(`Cart ${cartId} is completed and can no longer be changed`, "cart_completed");
  const session = findSession(cart, providerId);
  const data = await getPaymentProvider(providerId)
    .updatePaymentData(sessionData(session), input)
    .catch(providerFailure);
  await changeCart(cartId, (tx) => tx.paymentSession.update({ where: { id: session.id }, data: { dataJson: JSON.stringify(data) } }));
  return retrieveCart(cartId);
}

/** Replaces the provider's payment with a fresh one (e.g. after a failed 3-D Secure attempt). */
export async function refreshPaymentSession(cartId: string, providerId: string): Promise<StoreCart> {
  const cart = await loadCart(cartId);
  if (cart.completedAt) throw notAllowed(`Cart ${cartId} is completed and can no longer be changed`, "cart_completed");
  assertCartCanPay(cart);
  await replacePaymentSession(cart, findSession(cart, providerId));
  return retrieveCart(cartId);
}

/** A new session (and provider payment) for the current total takes the old one's place. */
export async function replacePaymentSession(cart: CartRow, session: SessionRow): Promise<void> {
  const freshId = newId("paymentSession");
  const started = await initiate(cart, session.providerId, freshId);
  await saveStartedPayments([{ providerId: session.providerId, ...started }], () => changeCart(cart.id, async (tx) => {
    await tx.paymentSession.delete({ where: { id: session.id } });
    await tx.paymentSession.create({
      data: { id: freshId, cartId: cart.id, providerId: session.providerId, isSelected: session.isSelected, ...started },
    });
  }));
  await cancelAtProvider(session);
}

export async function deletePaymentSession(cartId: string, providerId: string): Promise<StoreCart> {
  const cart = await loadCart(cartId);
  if (cart.completedAt) throw notAllowed(`Cart ${cartId} is completed and can no longer be changed`, "cart_completed");
  const session = findSession(cart, providerId);
  // deleteMany: a concurrent delete of the same session already did what was asked.
  await changeCart(cartId, (tx) => tx.paymentSession.deleteMany({ where: { id: session.id } }));
  // Only once the session is gone is its payment cancelled (or given back).
  await cancelAtProvider(session);
  return retrieveCart(cartId);
}

/**
 * After a change to the cart total: each session's amount follows it, at the provider for an
 * initiated session. An emptied cart has nothing to pay, so its sessions are cancelled.
 * Answers with the cart as it now stands, read again only when sessions changed. `changed` is
 * the cart as the change just committed it, when the caller has it (changeCartThenRead).
 */
export async function syncPaymentSessions(cartId: string, changed?: CartRow): Promise<StoreCart> {
  const cart = changed ?? (await loadCart(cartId));
  if (cart.completedAt || cart.paymentSessions.length === 0) return serializeCart(cart);
  if (cart.items.length === 0 || hasNothingToPay(cart)) {
    await resetPaymentSessions(cartId, cart);
    return retrieveCart(cartId);
  }
  const total = cartTotals(cart).total;
  const stale = cart.paymentSessions.filter((session) => session.amount !== total);
  if (stale.length === 0) return serializeCart(cart);

  const updates = await Promise.all(
    stale.map(async (session) => {
      if (!session.isInitiated) return { session, data: sessionData(session), status: session.status };
      try {
        const data = await getPaymentProvider(session.providerId).updatePayment(sessionData(session), paymentContext(cart, session.id));
        return { session, data, status: session.status };
      } catch (error) {
        if (!(error instanceof PaymentProviderError)) throw error;
        // The provider would not follow (e.g. the payment is already confirmed). The session keeps
        // its old amount, so completion refuses it and the shopper is asked to pay again.
        return null;
      }
    }),
  );
  const updatedAt = new Date();
  const saved = updates.flatMap((update) =>
    update ? [{ id: update.session.id, amount: total, dataJson: JSON.stringify(update.data), status: update.status, updatedAt }] : [],
  );
  const write = async (client: DbTransaction, { id, ...data }: (typeof saved)[number]) =>
    (await client.paymentSession.updateMany({ where: { id, cart: { completedAt: null } }, data })).count;
  // One statement is atomic by itself; several share a transaction.
  let written = 0;
  if (saved.length === 1) written = await write(db(), saved[0]);
  else if (saved.length > 1) {
    written = await db().$transaction(async (tx: DbTransaction) => {
      let count = 0;
      for (const session of saved) count += await write(tx, session);
      return count;
    });
  }
  // Every session followed and the cart is still open: the answer is the cart as read, with the
  // sessions as written. Otherwise it is read again, as it now stands.
  if (saved.length === stale.length && written === saved.length) {
    const byId = new Map(saved.map((session) => [session.id, session]));
    return serializeCart({ ...cart, paymentSessions: cart.paymentSessions.map((session) => ({ ...session, ...byId.get(session.id) })) });
  }
  return retrieveCart(cartId);
}

/** Region change or empty cart: every session is cancelled at its provider and removed. */
export async function resetPaymentSessions(cartId: string, loaded?: CartRow): Promise<void> {
  const cart = loaded ?? (await loadCart(cartId));
  if (cart.paymentSessions.length === 0) return;
  const removed = await db().paymentSession.deleteMany({ where: { cartId, cart: { completedAt: null } } });
  // None removed: the cart was completed meanwhile (its payment is the order's), or a concurrent
  // reset removed them and cancels them itself.
  if (removed.count === 0) return;
  await Promise.all(cart.paymentSessions.map(cancelAtProvider));
}

export { sessionData };
