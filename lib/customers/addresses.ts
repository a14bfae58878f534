// A customer's address book. Entries belong to one customer: every read and change names the
// signed-in customer, so another customer's address id is simply "not found". A cart never points
// at an entry; the checkout copies it into the cart's own address.
import { db } from "../db/client";
import { addressColumns, type AddressInput } from "../commerce/cart";
import { notAllowed, notFound } from "../commerce/errors";
import { looksLikeId, newId } from "../commerce/ids";
import { retrieveCustomer } from "./accounts";
import type { StoreCustomer } from "./serialize";

const MAX_ADDRESSES = 50;

export async function addCustomerAddress(customerId: string, address: AddressInput): Promise<StoreCustomer> {
  await retrieveCustomer(customerId);
  const count = await db().address.count({ where: { customerId } });
  if (count >= MAX_ADDRESSES) throw notAllowed(`An address book holds at most ${MAX_ADDRESSES} addresses`, "too_many_addresses");
  await db().address.create({ data: { id: newId("address"), customerId, ...addressColumns(address) } });
  return retrieveCustomer(customerId);
}

export async function updateCustomerAddress(customerId: string, addressId: string, address: AddressInput): Promise<StoreCustomer> {
  if (!looksLikeId("address", addressId)) throw notFound("Address", addressId);
  const updated = await db().address.updateMany({ where: { id: addressId, customerId }, data: addressColumns(address) });
  if (updated.count === 0) throw notFound("Address", addressId);
  return retrieveCustomer(customerId);
}

export async function deleteCustomerAddress(customerId: string, addressId: string): Promise<StoreCustomer> {
  if (!looksLikeId("address", addressId)) throw notFound("Address", addressId);
  const deleted = await db().address.deleteMany({ where: { id: addressId, customerId } });
  if (deleted.count === 0) throw notFound("Address", addressId);
  return retrieveCustomer(customerId);
}
