import { customerRoute, requireCustomer } from "@/lib/api/customer-auth";
import { parseOrderHistoryQuery } from "@/lib/api/customer-validation";
import { routeMethods } from "@/lib/api/store-route";
import { listCustomerOrders } from "@/lib/customers/customer-orders";

const listOrdersRoute = customerRoute(
  async ({ request, query }) => listCustomerOrders((await requireCustomer(request)).customerId, parseOrderHistoryQuery(query)),
);

export const { GET, POST, DELETE } = routeMethods({ GET: listOrdersRoute });
