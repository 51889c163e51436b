import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dossierJsonSchema, dossierJsonSchemaText } from "@/lib/schemas/dossier-json-schema";

const FILE = path.resolve(__dirname, "../../docs/dossier.schema.json");

describe("docs/dossier.schema.json", () => {
  it("is what the zod schemas generate today", () => {
    const committed = readFileSync(FILE, "utf8");
    const fresh = dossierJsonSchemaText();
    // A readable failure rather than a 3,000-line diff.
    if (committed !== fresh) {
      expect.fail("docs/dossier.schema.json is out of date with lib/schemas: run `npm run schema:dossier` to regenerate it, then commit it.");
    }
  });

  it("describes every part of the dossier the score depends on, legal review included", () => {
    const schema = dossierJsonSchema() as { required: string[]; properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(schema.required).toEqual(expect.arrayContaining(["profile", "sites", "soc2Reports", "isoCertificates", "insurancePolicies", "controls", "kpis", "incidents", "legal"]));
    expect(Object.keys(schema.properties.legal!.properties!)).toEqual(expect.arrayContaining(["contracts", "clauseReviews", "dpa", "transferMechanisms", "subProcessors"]));
  });

  it("keeps the real bounds of optional numbers (no NaN, which JSON cannot hold)", () => {
    const schema = dossierJsonSchema() as { properties: { kpis: { items: { properties: Record<string, unknown> } } } };
    expect(schema.properties.kpis.items.properties.phishingFailurePct).toEqual({ type: "number", minimum: 0, maximum: 100 });
    expect(JSON.stringify(schema)).not.toMatch(/NaN/);
  });
});
