import { describe, expect, test } from "vitest";
import { evidenceUsesOf } from "@/components/dossier/evidence-uses";
import { buildDossier, cleanLegal, soc2Report } from "./helpers/dossier-builder";

describe("evidenceUsesOf: what each document is evidence for", () => {
  test("a file recorded as a contract's signed copy is evidence for that contract", () => {
    const legal = cleanLegal();
    const dossier = buildDossier({ legal });
    const msa = legal.contracts.find((c) => c.evidenceId)!;
    expect(evidenceUsesOf(dossier).get(msa.evidenceId!)).toEqual([{ kind: "contract", id: msa.id, anchorId: msa.id }]);
  });

  test("a document used by an assurance record and a contract lists both; an unused one lists nothing", () => {
    const legal = cleanLegal();
    legal.contracts = [{ ...legal.contracts[0]!, evidenceId: "doc-shared" }];
    const dossier = buildDossier({ legal, soc2Reports: [soc2Report({ id: "soc2-1", evidenceId: "doc-shared" })] });
    const uses = evidenceUsesOf(dossier);
    expect(uses.get("doc-shared")?.map((u) => u.kind).sort()).toEqual(["contract", "soc2"]);
    expect(uses.get("doc-unused")).toBeUndefined();
  });
});
