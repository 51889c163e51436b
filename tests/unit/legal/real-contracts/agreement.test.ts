import { describe, expect, test } from "vitest";
import { cohenKappa, compareLabels } from "./agreement";
import { CLAUSE_CODES, type DocumentLabel } from "./corpus";

type Status = "present" | "absent" | "by_reference";

function label(id: string, statuses: Partial<Record<string, Status>>, hours?: number): DocumentLabel {
  const clauses = Object.fromEntries(
    CLAUSE_CODES.map((code) => {
      const status = statuses[code] ?? "absent";
      const value = code === "incident_notification" && hours !== undefined ? { hours } : null;
      return [code, { status, spans: status === "absent" ? [] : [[0, 10]], value }];
    }),
  );
  return { id, file: `${id}.md`, sha256: "0".repeat(64), clauses } as DocumentLabel;
}

describe("agreement between two labellers", () => {
  test("Cohen's kappa discounts the agreement chance alone would give", () => {
    const pairs: [boolean, boolean][] = [
      ...Array.from({ length: 4 }, (): [boolean, boolean] => [true, true]),
      ...Array.from({ length: 4 }, (): [boolean, boolean] => [false, false]),
      [true, false],
      [false, true],
    ];
    // observed 0.8; each says yes half the time, so chance is 0.5: (0.8 - 0.5) / 0.5
    expect(cohenKappa(pairs)).toBeCloseTo(0.6, 10);
    expect(cohenKappa([])).toBeNull();
    expect(cohenKappa([[true, true], [true, true]])).toBeNull();
  });

  test("by reference counts as there, and the second labeller is scored like a finder", () => {
    const first = [
      label("a", { right_to_audit: "present", liability_cap: "by_reference", incident_notification: "present" }, 24),
      label("b", { data_residency: "present" }),
    ];
    const second = [
      label("a", { right_to_audit: "present", liability_cap: "present", incident_notification: "present" }, 48),
      label("b", { cyber_insurance: "present" }),
    ];
    const a = compareLabels(first, second);
    expect(a.decisions).toBe(2 * CLAUSE_CODES.length);
    expect(a.agreed).toBe(2 * CLAUSE_CODES.length - 2);
    expect(a.disagreements).toEqual(["b data_residency: present → absent", "b cyber_insurance: absent → present"]);
    expect(a.secondAgainstFirst.overall).toMatchObject({ tp: 3, fp: 1, fn: 1 });
    expect(a.secondAgainstFirst.hours).toMatchObject({ stated: 1, exact: 0 });
  });

  test("a document only one labeller read is an error, not a silent skip", () => {
    expect(() => compareLabels([label("a", {})], [label("b", {})])).toThrow(/not labelled by the second/);
    expect(() => compareLabels([label("a", {})], [label("a", {}), label("b", {})])).toThrow(/different documents/);
  });
});
