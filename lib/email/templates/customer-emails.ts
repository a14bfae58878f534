// The emails about a customer's account: a password reset link and an order-claim code.
import { STORE_NAME } from "../../../components/ui/store-name";
import { button, html, layout, paragraph, textLayout, type RenderedEmail } from "./layout";

type Context = { storeUrl: string };

/** The storefront's reset page reads the token and the email from the query string. */
export const passwordResetUrl = (storeUrl: string, reset: { email: string; token: string }) =>
  `${storeUrl}/account/reset-password?${new URLSearchParams({ token: reset.token, email: reset.email })}`;

function validUntil(expiresAt: string | null | undefined): string | null {
  if (!expiresAt) return null;
  const date = new Date(expiresAt);
  if (Number.isNaN(date.getTime())) return null;
  return date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export function passwordResetEmail(reset: { email: string; token: string; expires_at?: string | null }, { storeUrl }: Context): RenderedEmail {
  const link = passwordResetUrl(storeUrl, reset);
  const until = validUntil(reset.expires_at);
  const title = "Reset your password";
  return {
    subject: `Reset your ${STORE_NAME} password`,
    html: layout({
      title,
      preheader: "Choose a new password with the link inside.",
      storeUrl,
      body: html`${paragraph(html`Someone asked to reset the password of the ${STORE_NAME} account for <strong>${reset.email}</strong>. Choose a new one here:`)}
${button(link, "Choose a new password")}
${paragraph(html`The link works once${until ? html` and until ${until}` : ""}. If the button does not work, open <a href="${link}">${link}</a>`, true)}
${paragraph("If you did not ask for this, ignore this email: your password stays as it is.", true)}`,
    }),
    text: textLayout(
      title,
      [
        `Someone asked to reset the password of the ${STORE_NAME} account for ${reset.email}. Choose a new one here:`,
        "",
        link,
        "",
        `The link works once${until ? ` and until ${until}` : ""}.`,
        "If you did not ask for this, ignore this email: your password stays as it is.",
      ],
      storeUrl,
    ),
  };
}

/** The storefront's page that confirms a claim with the emailed token (app/(shop)/account/claim-orders). */
export const orderClaimUrl = (storeUrl: string, claim: { token: string }) => `${storeUrl}/account/claim-orders?${new URLSearchParams({ token: claim.token })}`;

export function orderClaimEmail(claim: { email: string; token: string; order_ids: string[] }, { storeUrl }: Context): RenderedEmail {
  const title = "Confirm it is you";
  const link = orderClaimUrl(storeUrl, claim);
  const count = claim.order_ids.length;
  const orders = `${count} earlier order${count === 1 ? "" : "s"}`;
  return {
    subject: `Your ${STORE_NAME} code to add ${orders} to your account`,
    html: layout({
      title,
      preheader: `Your confirmation code: ${claim.token}`,
      storeUrl,
      body: html`${paragraph(html`You asked to add ${orders} placed with <strong>${claim.email}</strong> to your ${STORE_NAME} account. Confirm that the email is yours:`)}
${button(link, "Add the orders to my account")}
${paragraph("Or enter this code where you asked for it:", true)}
<p style="margin:16px 0;font-size:18px;font-weight:700;word-break:break-all"><code>${claim.token}</code></p>
${paragraph("If you did not ask for this, ignore this email: nothing changes.", true)}`,
    }),
    text: textLayout(
      title,
      [
        `You asked to add ${orders} placed with ${claim.email} to your ${STORE_NAME} account. Confirm that the email is yours:`,
        "",
        link,
        "",
        "Or enter this code where you asked for it:",
        "",
        `    ${claim.token}`,
        "",
        "If you did not ask for this, ignore this email: nothing changes.",
      ],
      storeUrl,
    ),
  };
}
