import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { findClausesInTurns } from "@/lib/server/contracts/find-clauses-in-turns";

test("the server's finder gives findClauses' proposals, and other work runs while a long contract is read", async () => {
  const sow = await readFile(path.resolve(__dirname, "../../fixtures/contracts/05-sow-chat-cebu.txt"), "utf8");
  // Forty copies: some five thousand passages, past the pause between a few thousand.
  const document = { sections: Array.from({ length: 40 }, (_, i) => ({ heading: `Part ${i + 1}`, text: sow })) };
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 0);
  let inTurns;
  try {
    inTurns = await findClausesInTurns(document);
  } finally {
    clearInterval(ticker);
  }
  expect(inTurns).toEqual(findClauses(document));
  expect(inTurns.some((p) => p.found)).toBe(true);
  // A timer fires between turns; in one go it could not fire until the end.
  expect(ticks).toBeGreaterThan(10);
});
