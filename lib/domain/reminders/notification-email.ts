// What a notification email says (docs/reminders.md, "Emails"): a subject,
// a plain-text part and an HTML part with the same lines, each line linking
// to the record in the app. The lines are the notification titles (kinds,
// vendor names and dates), never evidence content: the record itself stays
// behind the sign-in.

export interface EmailLine {
  type: string;
  title: string;
  /** Path inside the app, e.g. /vendors/abc/assurance. */
  href: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const SECTION_TITLES: Record<string, string> = {
  sign_off_request: "Waiting for your sign-off",
  blocker: "Blocker findings on your vendors",
  reminder: "Due, expiring or overdue",
  webhook_disabled: "Webhooks switched off after repeated failures",
};
const SECTION_ORDER = ["sign_off_request", "blocker", "webhook_disabled", "reminder"];
/** Lines shown per section; the rest are counted and one link away (a list of thousands helps nobody). */
export const MAX_LINES_PER_SECTION = 50;

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** An absolute link: the app's base URL (no trailing slash) and the path. */
export function recordUrl(baseUrl: string, href: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${href.startsWith("/") ? href : `/${href}`}`;
}

function subjectFor(lines: EmailLine[]): string {
  const signOffs = lines.filter((l) => l.type === "sign_off_request");
  if (signOffs.length === lines.length && signOffs.length === 1) return `Assay: ${signOffs[0]!.title}`;
  const blockers = lines.filter((l) => l.type === "blocker").length;
  const count = `${lines.length} ${lines.length === 1 ? "item needs" : "items need"} your attention`;
  return blockers > 0 ? `Assay: ${count}, including blocker findings` : `Assay: ${count}`;
}

/** One email for one person: every line grouped by type, sign-off requests first. */
export function renderNotificationEmail({ recipientName, lines, baseUrl, digestOptOut }: { recipientName: string; lines: EmailLine[]; baseUrl: string; digestOptOut: boolean }): RenderedEmail {
  const sections = SECTION_ORDER.map((type) => ({ type, lines: lines.filter((l) => l.type === type) })).filter((s) => s.lines.length > 0);
  const footer = digestOptOut
    ? "You opted out of the daily digest; blocker alerts and sign-off requests are still sent."
    : "You can turn the daily digest off on your notifications page; blocker alerts and sign-off requests are always sent.";
  const settingsUrl = recordUrl(baseUrl, "/notifications");

  const text = [
    `Hello ${recipientName},`,
    "",
    ...sections.flatMap((s) => [
      `${SECTION_TITLES[s.type] ?? s.type}:`,
      ...s.lines.slice(0, MAX_LINES_PER_SECTION).map((l) => `- ${l.title}\n  ${recordUrl(baseUrl, l.href)}`),
      ...(s.lines.length > MAX_LINES_PER_SECTION ? [`- and ${s.lines.length - MAX_LINES_PER_SECTION} more: ${settingsUrl}`] : []),
      "",
    ]),
    `All your notifications: ${settingsUrl}`,
    footer,
    "",
  ].join("\n");

  const html = [
    "<!doctype html><html><body>",
    `<p>Hello ${escapeHtml(recipientName)},</p>`,
    ...sections.map(
      (s) =>
        `<h2>${escapeHtml(SECTION_TITLES[s.type] ?? s.type)}</h2><ul>${s.lines
          .slice(0, MAX_LINES_PER_SECTION)
          .map((l) => `<li><a href="${escapeHtml(recordUrl(baseUrl, l.href))}">${escapeHtml(l.title)}</a></li>`)
          .join("")}${s.lines.length > MAX_LINES_PER_SECTION ? `<li><a href="${escapeHtml(settingsUrl)}">and ${s.lines.length - MAX_LINES_PER_SECTION} more</a></li>` : ""}</ul>`,
    ),
    `<p><a href="${escapeHtml(settingsUrl)}">All your notifications</a></p>`,
    `<p>${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");

  return { subject: subjectFor(lines), text, html };
}
