// The frame every email shares: the store's look (colours and type of app/globals.css, inlined,
// as mail clients ignore stylesheets), an escaped title and a plain-text twin.
import { STORE_NAME } from "../../../components/ui/store-name";
import { formatMoney } from "../../../components/ui/format-money";

export type RenderedEmail = { subject: string; html: string; text: string };

export const COLORS = {
  bg: "#faf8f5",
  surface: "#ffffff",
  surfaceMuted: "#f2efe9",
  text: "#1c2420",
  muted: "#5a645f",
  border: "#e2ddd4",
  brand: "#1f3a33",
  accent: "#94511f",
} as const;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

/** Text from shoppers and merchants (names, addresses, product titles) never becomes markup. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A tagged template whose interpolations are escaped; `raw()` marks markup built here. */
export type Markup = { readonly markup: string };
export const raw = (markup: string): Markup => ({ markup });
export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0];
  values.forEach((value, index) => {
    out += renderValue(value) + strings[index + 1];
  });
  return raw(out);
}
function renderValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(renderValue).join("");
  if (value && typeof value === "object" && "markup" in value) return (value as Markup).markup;
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(value);
}

/** Minor units in the order's currency, as the storefront shows them ("€25.00", "¥500"). */
export const money = (amountInMinorUnits: number, currencyCode: string) => formatMoney(amountInMinorUnits, currencyCode);

export function button(href: string, label: string): Markup {
  return html`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:24px 0"><tr><td style="background:${COLORS.brand};border-radius:10px"><a href="${href}" style="display:inline-block;padding:12px 22px;color:#ffffff;font-weight:600;text-decoration:none;font-family:${FONT}">${label}</a></td></tr></table>`;
}

export function heading(text: string): Markup {
  return html`<h2 style="font-size:16px;margin:24px 0 8px;color:${COLORS.text}">${text}</h2>`;
}

export function paragraph(content: Markup | string, muted = false): Markup {
  return html`<p style="margin:0 0 12px;color:${muted ? COLORS.muted : COLORS.text}">${content}</p>`;
}

export function layout(input: { title: string; preheader: string; body: Markup; storeUrl: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
</head>
<body style="margin:0;padding:0;background:${COLORS.bg};color:${COLORS.text};font-family:${FONT};font-size:15px;line-height:1.55">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(input.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${COLORS.bg}">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px">
<tr><td style="padding:0 4px 16px;font-weight:700;font-size:18px;color:${COLORS.brand}"><a href="${escapeHtml(input.storeUrl)}/" style="color:${COLORS.brand};text-decoration:none">${escapeHtml(STORE_NAME)}</a></td></tr>
<tr><td style="background:${COLORS.surface};border:1px solid ${COLORS.border};border-radius:16px;padding:28px">
<h1 style="font-size:22px;line-height:1.25;margin:0 0 16px;color:${COLORS.text}">${escapeHtml(input.title)}</h1>
${input.body.markup}
</td></tr>
<tr><td style="padding:16px 4px;color:${COLORS.muted};font-size:13px">${escapeHtml(STORE_NAME)} · <a href="${escapeHtml(input.storeUrl)}/" style="color:${COLORS.muted}">${escapeHtml(input.storeUrl.replace(/^https?:\/\//, ""))}</a></td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** The plain-text part: the title, the body lines, and the store's signature. */
export function textLayout(title: string, lines: (string | null | undefined | false)[], storeUrl: string): string {
  const body = lines.filter((line) => line !== null && line !== undefined && line !== false).join("\n");
  return `${title}\n${"=".repeat(Math.min(title.length, 70))}\n\n${body.replace(/\n{3,}/g, "\n\n").trim()}\n\n-- \n${STORE_NAME} · ${storeUrl}/\n`;
}
