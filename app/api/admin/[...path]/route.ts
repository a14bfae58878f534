// Any path under /api/admin that no route above serves: 401 without credentials (nothing about
// the Admin API is told to strangers), a JSON 404 with them.
import { adminRoute } from "@/lib/api/admin-route";
import { StoreError } from "@/lib/commerce/errors";

const unknownRoute = adminRoute<{ path: string[] }>(async ({ request }) => {
  throw new StoreError("not_found", `${request.method} ${new URL(request.url).pathname} is not an Admin API route`);
});

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as DELETE };
