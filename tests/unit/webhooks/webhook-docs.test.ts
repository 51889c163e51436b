// The verification recipe in docs/webhooks.md is the file the integration
// tests verify real deliveries with, character for character, so the docs
// cannot drift from what works.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");

it("docs/webhooks.md quotes docs/examples/verify-webhook.mjs verbatim", () => {
  const docs = readFileSync(path.join(root, "docs/webhooks.md"), "utf8");
  const example = readFileSync(path.join(root, "docs/examples/verify-webhook.mjs"), "utf8");
  expect(docs).toContain("```js\n" + example + "```");
});
