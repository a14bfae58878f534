// Any path under /api/store that no route above serves: a JSON 404, like every other answer.
import { storeRoute } from "@/lib/api/store-route";
import { StoreError } from "@/lib/commerce/errors";

const unknownRoute = storeRoute<{ path: string[] }>(async ({ request }) => {
  throw new StoreError("not_found", `${request.method} ${new URL(request.url).pathname} is not a Store API route`);
});

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as DELETE };
