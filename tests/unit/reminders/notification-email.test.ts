import { describe, expect, it } from "vitest";
import { MAX_LINES_PER_SECTION, renderNotificationEmail, type EmailLine } from "@/lib/domain/reminders/notification-email";

const line = (i: number, type = "reminder"): EmailLine => ({ type, title: `Item ${i} <b>&</b>`, href: `/vendors/v${i}` });

describe("renderNotificationEmail", () => {
  it("escapes every title in the HTML part and links each line to its record under the base URL", () => {
    const email = renderNotificationEmail({ recipientName: "Ann <Admin>", lines: [line(1)], baseUrl: "https://assay.example/", digestOptOut: false });
    expect(email.text).toContain("- Item 1 <b>&</b>\n  https://assay.example/vendors/v1");
    expect(email.html).toContain('<a href="https://assay.example/vendors/v1">Item 1 &lt;b&gt;&amp;&lt;/b&gt;</a>');
    expect(email.html).toContain("Hello Ann &lt;Admin&gt;,");
    expect(email.html).not.toContain("<b>&</b>");
  });

  it("puts sign-off requests first and lists at most the cap per section, counting the rest", () => {
    const many = Array.from({ length: MAX_LINES_PER_SECTION + 7 }, (_, i) => line(i));
    const email = renderNotificationEmail({ recipientName: "Ann", lines: [...many, line(999, "sign_off_request")], baseUrl: "https://a.example", digestOptOut: false });
    expect(email.text.indexOf("Waiting for your sign-off")).toBeLessThan(email.text.indexOf("Due, expiring or overdue"));
    expect(email.text.split("\n").filter((l) => l.startsWith("- Item ")).length).toBe(MAX_LINES_PER_SECTION + 1);
    expect(email.text).toContain("- and 7 more: https://a.example/notifications");
    expect(email.html).toContain(">and 7 more</a>");
    expect(email.subject).toBe(`Assay: ${MAX_LINES_PER_SECTION + 8} items need your attention`);
  });
});
