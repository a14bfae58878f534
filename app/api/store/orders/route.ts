// A guest looks an order up by its number and email (medusa-js orders.lookupOrder).
import { clientAddress } from "@/lib/api/customer-auth";
import { parseOrderLookupQuery } from "@/lib/api/customer-validation";
import { storeRoute } from "@/lib/api/store-route";
import { lookupOrder } from "@/lib/customers/customer-orders";

export const GET = storeRoute(async ({ request, query }) => ({ order: await lookupOrder(parseOrderLookupQuery(query), clientAddress(request)) }));
