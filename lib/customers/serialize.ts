// Customers as the Store API shows them (Medusa v1's customer shape). Never the password hash.
import type { Prisma } from "../db/client";
import { parseJson, serializeAddress } from "../commerce/serialize";

export const customerInclude = {
  addresses: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.CustomerInclude;

export type CustomerRow = Prisma.CustomerGetPayload<{ include: typeof customerInclude }>;

export function serializeCustomer(customer: CustomerRow) {
  return {
    id: customer.id,
    email: customer.email,
    first_name: customer.firstName,
    last_name: customer.lastName,
    phone: customer.phone,
    has_account: customer.hasAccount,
    billing_address_id: null,
    billing_address: null,
    shipping_addresses: customer.addresses.map((address) => ({ ...serializeAddress(address)!, customer_id: customer.id })),
    metadata: parseJson(customer.metadataJson),
    created_at: customer.createdAt.toISOString(),
    updated_at: customer.updatedAt.toISOString(),
    deleted_at: null,
  };
}

export type StoreCustomer = ReturnType<typeof serializeCustomer>;
