import { describe, expect, test } from "vitest";
import { readableText } from "@/lib/domain/legal/readable-text";

describe("the form of a passage the finder reads", () => {
  test("contractions are spelled out; possessives are not", () => {
    expect(readableText("We'll notify you; we won't transfer it; it's ours; don't; can't; they’re bound.")).toBe(
      "We will notify you; we will not transfer it; it is ours; do not; cannot; they are bound.",
    );
    expect(readableText("the Customer's data and its own records")).toBe("the Customer's data and its own records");
  });

  test("web and email addresses are named, keeping the punctuation around them", () => {
    expect(readableText("See tallyform.com/legal/terms; or https://example.com/dpa. Write to privacy@weblate.org.")).toBe(
      "See the web page; or the web page. Write to the email address.",
    );
    expect(readableText("Section 8.1 of the U.S. agreement, version 1.2.")).toBe("Section 8.1 of the U.S. agreement, version 1.2.");
    // Matched only where a name starts: sub-domains, hyphens and plus-addressing included.
    expect(readableText("Mail dpo+eu@mail.vendor-group.co.uk or visit status.vendor-group.io/incidents.")).toBe("Mail the email address or visit the web page.");
  });

  test("a long run of dots or hyphens is read in one pass", () => {
    const started = performance.now();
    expect(readableText(`${"a.".repeat(50_000)}com`)).toBe("the web page");
    readableText("a-".repeat(50_000));
    // Tried from every letter, the address patterns took seconds on runs this long.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
