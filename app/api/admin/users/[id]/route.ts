import { adminRoute } from "@/lib/api/admin-route";
import { updateUserSchema } from "@/lib/api/admin-validation";
import { parseWith } from "@/lib/api/validation";
import { findUser, serializeUser, updateUser } from "@/lib/users/users";
import { notFound } from "@/lib/commerce/errors";

export const GET = adminRoute<{ id: string }>(async ({ params }) => {
  const user = await findUser(params.id);
  if (!user) throw notFound("User", params.id);
  return { user: serializeUser(user) };
});

export const POST = adminRoute<{ id: string }>(async ({ params, body, credentials }) => {
  const { first_name, last_name, api_token, role } = parseWith(updateUserSchema, body);
  return { user: await updateUser(credentials.user, params.id, { first_name, last_name, api_token, role }) };
});
