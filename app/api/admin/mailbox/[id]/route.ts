import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { readMailboxMessage } from "@/lib/email/mailbox";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  GET: adminRoute(async ({ params }) => ({ message: await readMailboxMessage(params.id) })),
});
