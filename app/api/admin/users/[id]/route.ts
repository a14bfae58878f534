import { adminRoute } from "@/lib/api/admin-route";
import { updateUserSchema } from "@/lib/api/admin-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { retrieveUser, updateUser } from "@/lib/users/users";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  GET: adminRoute(async ({ params }) => ({ user: await retrieveUser(params.id) })),
  POST: adminRoute(async ({ params, body, credentials }) => {
    const { first_name, last_name, api_token, role } = parseWith(updateUserSchema, body);
    return { user: await updateUser(credentials.user, params.id, { first_name, last_name, api_token, role }) };
  }),
});
