import { requireCustomer } from "@/lib/api/customer-auth";
import { parseOrderHistoryQuery } from "@/lib/api/customer-validation";
import { storeRoute } from "@/lib/api/store-route";
import { listCustomerOrders } from "@/lib/customers/customer-orders";

export const GET = storeRoute(
  async ({ request, query }) => listCustomerOrders((await requireCustomer(request)).customerId, parseOrderHistoryQuery(query)),
  { idempotent: false },
);
