// A guest looks an order up by its number and email (medusa-js orders.lookupOrder).
import { customerRoute } from "@/lib/api/customer-auth";
import { clientAddress } from "@/lib/http/client-address";
import { parseOrderLookupQuery } from "@/lib/api/customer-validation";
import { routeMethods } from "@/lib/api/store-route";
import { lookupOrder } from "@/lib/customers/customer-orders";

const lookupRoute = customerRoute(async ({ request, query }) => ({ order: await lookupOrder(parseOrderLookupQuery(query), clientAddress(request)) }));

export const { GET, POST, DELETE } = routeMethods({ GET: lookupRoute });
