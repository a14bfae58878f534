// The shapes the domain loads, named once so every read of a cart, order or product fetches the
// same graph in a fixed number of queries (one per relation level, never one per item).
import type { Prisma } from "../db/client";

export const regionInclude = {
  countries: { orderBy: { iso2: "asc" } },
  taxRates: { orderBy: { id: "asc" } },
} satisfies Prisma.RegionInclude;

export const cartInclude = {
  region: { include: regionInclude },
  shippingAddress: true,
  billingAddress: true,
  discount: true,
  giftCards: { orderBy: [{ appliedAt: "asc" }, { giftCardId: "asc" }], include: { giftCard: true } },
  items: { orderBy: { id: "asc" }, include: { variant: { include: { product: true } } } },
  shippingMethods: { orderBy: { id: "asc" }, include: { shippingOption: true } },
  paymentSessions: { orderBy: { id: "asc" } },
} satisfies Prisma.CartInclude;

export const orderInclude = {
  region: { include: regionInclude },
  shippingAddress: true,
  billingAddress: true,
  items: { orderBy: { id: "asc" }, include: { variant: { include: { product: true } } } },
  shippingMethods: { orderBy: { id: "asc" }, include: { shippingOption: true } },
  payments: { orderBy: { id: "asc" } },
  giftCardTransactions: { orderBy: { id: "asc" }, include: { giftCard: true } },
} satisfies Prisma.OrderInclude;

export const productInclude = {
  images: { orderBy: { rank: "asc" } },
  options: { orderBy: { rank: "asc" }, include: { values: true } },
  variants: { orderBy: { rank: "asc" }, include: { prices: true, optionValues: true } },
} satisfies Prisma.ProductInclude;

export type RegionRow = Prisma.RegionGetPayload<{ include: typeof regionInclude }>;
export type CartRow = Prisma.CartGetPayload<{ include: typeof cartInclude }>;
export type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;
export type ProductRow = Prisma.ProductGetPayload<{ include: typeof productInclude }>;
export type AddressRow = Prisma.AddressGetPayload<object>;
