import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { parseMailboxQuery } from "@/lib/api/admin-mail-validation";
import { listMailbox } from "@/lib/email/mailbox";
import { mailTransportSummary } from "@/lib/email/settings";

export const { GET, POST, DELETE } = routeMethods({
  GET: adminRoute(async ({ query }) => ({ ...mailTransportSummary(), ...(await listMailbox(parseMailboxQuery(query))) })),
});
