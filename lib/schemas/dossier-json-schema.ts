import { z } from "zod";
import { DOSSIER_FORMAT_VERSION, dossierSchema } from "./dossier";

// The dossier interchange format as a JSON Schema (docs/dossier.schema.json),
// generated from the zod schemas so the two can never disagree
// (scripts/generate-dossier-schema.ts writes it; a unit test fails when the
// committed file is out of date).
//
// io: "input". The file describes what a dossier *file* may contain, i.e.
// what dossierSchema accepts: the input side of its pipes. The output side
// cannot be expressed anyway (trimming, upper-casing and "" → absent are
// transforms). So the schema allows what the importer normalises: "" for an
// optional text, a lower-case country code, surrounding spaces.
//
// What JSON Schema cannot carry: cross-field rules (period end after start,
// references between records resolve, no duplicate ids…) are superRefine
// checks that only the importer and `npm run cli -- score` apply, with the
// JSON path of each problem.

type Def = { type: string; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Types a JSON document cannot hold; only NaN appears, as "cleared number input" in optional numbers. */
const UNREPRESENTABLE = new Set(["nan", "bigint", "symbol", "void", "undefined", "date", "map", "set", "function", "promise", "custom", "transform"]);

/** optionalNumber() in dossier-fields: union(number, NaN) → transform → pipe(the real number schema). */
function isNumberOrNanTransform(schema: z.ZodType | undefined): boolean {
  if (!schema) return false;
  const def = defOf(schema);
  if (def.type !== "pipe" || !def.in || !def.out) return false;
  const union = defOf(def.in);
  return union.type === "union" && (union.options ?? []).some((o) => defOf(o).type === "nan") && defOf(def.out).type === "transform";
}

export function dossierJsonSchema(): Record<string, unknown> {
  const problems: string[] = [];
  const schema = z.toJSONSchema(dossierSchema, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
    override: (ctx) => {
      const def = defOf(ctx.zodSchema as unknown as z.ZodType);
      if (def.type === "pipe" && isNumberOrNanTransform(def.in)) {
        // JSON has no NaN: an optional number is just the number with its real bounds (percent, whole number…).
        const inner = z.toJSONSchema(def.out!, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
        delete inner.$schema;
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, inner);
      } else if (UNREPRESENTABLE.has(def.type) && def.type !== "nan") {
        problems.push(`${ctx.path.join(".") || "(root)"}: ${def.type}`);
      }
    },
  }) as Record<string, unknown>;
  if (problems.length > 0) throw new Error(`Parts of the dossier schema cannot be expressed in JSON Schema: ${problems.join(", ")}`);
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: "https://assay.invalid/schemas/dossier.schema.json",
    title: "Assay vendor dossier",
    description: `Everything a vendor's score depends on (profile, sites, evidence metadata, SOC 2/ISO/insurance, controls, KPIs, incidents, reviews, contracts and clauses, DPA, transfers, sub-processors), format version ${DOSSIER_FORMAT_VERSION}. Generated from lib/schemas/dossier.ts by scripts/generate-dossier-schema.ts; cross-field rules are checked by the importer, not by this schema.`,
    ...rest,
  };
}

/** The file's exact text: two-space JSON with a final newline. */
export function dossierJsonSchemaText(): string {
  return `${JSON.stringify(dossierJsonSchema(), null, 2)}\n`;
}
