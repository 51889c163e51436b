import { describe, expect, it } from "vitest";
import { futureDatedFieldErrors } from "@/lib/domain/assurance/future-dated";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { soc2Status } from "@/lib/domain/assurance/soc2-status";
import { isoCertificateState } from "@/lib/domain/assurance/iso-status";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { NOW } from "./helpers/dossier-builder";
import { changed, score } from "./helpers/scoring-builder";

// Evidence dated in the future is invalid input, never current evidence (lib/domain/assurance/future-dated.ts).

describe("future-dated evidence", () => {
  const today = NOW.toISOString().slice(0, 10);
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

  it("a SOC 2 report whose period ends after today is not current: the rules see no SOC 2", () => {
    const d = changed((x) => void Object.assign(x.soc2Reports[0]!, { periodEnd: nextYear, issueDate: nextYear }));
    expect(soc2Status(d, DEFAULT_SETTINGS, NOW)).toMatchObject({ state: "missing", satisfiesElevatedRequirement: false });
    expect(vendorFindingsFor(d, DEFAULT_SETTINGS, NOW).map((f) => f.code)).toContain("soc2.missing");
  });

  it("an ISO certificate issued after today is never valid", () => {
    const d = changed((x) => void (x.isoCertificates[0]!.issueDate = nextYear));
    expect(isoCertificateState(d.isoCertificates[0]!, NOW)).toBe("future_dated");
    // With the SOC 2 also gone, there is no independent assurance at all.
    const result = score(changed((x) => void ((x.isoCertificates[0]!.issueDate = nextYear), (x.soc2Reports = []))));
    expect(result.caps.find((c) => c.code === "no_assurance")!.triggered).toBe(true);
  });

  it("a penetration test dated in the future does not count as the latest test", () => {
    const d = changed((x) => void (x.pentests = [{ ...x.pentests[0]!, performedOn: nextYear }]));
    expect(vendorFindingsFor(d, DEFAULT_SETTINGS, NOW).map((f) => f.code)).toContain("pentest.missing");
  });

  it("the save check names each future field, and accepts today", () => {
    expect(futureDatedFieldErrors("soc2", { periodEnd: nextYear, issueDate: nextYear }, NOW)).toEqual({
      periodEnd: "The audit period cannot end after today",
      issueDate: "A report cannot be issued after today",
    });
    expect(futureDatedFieldErrors("soc2", { periodEnd: today, issueDate: today }, NOW)).toEqual({});
    expect(futureDatedFieldErrors("incident", { detectedAt: new Date(NOW.getTime() + 3_600_000).toISOString() }, NOW)).toHaveProperty("detectedAt");
  });
});
