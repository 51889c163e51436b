import { describe, expect, it } from "vitest";
import { searchHitHref } from "@/components/search/search-href";
import { SEARCH_KINDS } from "@/lib/schemas/search";

describe("searchHitHref", () => {
  it("opens each kind at its row on the vendor's page", () => {
    const hit = { id: "rec1", vendorId: "ven1" };
    expect(searchHitHref({ ...hit, kind: "vendor", id: "ven1" })).toBe("/vendors/ven1");
    expect(searchHitHref({ ...hit, kind: "contract" })).toBe("/vendors/ven1/legal#record-rec1");
    expect(searchHitHref({ ...hit, kind: "evidence" })).toBe("/vendors/ven1/evidence#document-rec1");
    expect(searchHitHref({ ...hit, kind: "remediation" })).toBe("/vendors/ven1/assessments#record-rec1");
  });

  it("has a link for every kind", () => {
    for (const kind of SEARCH_KINDS) expect(searchHitHref({ kind, id: "x", vendorId: "v" }), kind).toMatch(/^\/vendors\/v/);
  });
});
