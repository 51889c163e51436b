// The clause checklist is data (prisma/seed/clause-catalogue.json), so legal
// can add a clause, tune its severity or its finder patterns without a code
// change. This module validates that data and compiles its patterns once.
import { z } from "zod";
import catalogueJson from "@/prisma/seed/clause-catalogue.json";
import { CLAUSE_VALUE_KINDS } from "./legal-vocabulary";
import type { ValueRules } from "./value-extraction";

/** Deviation rules implemented in clause-deviation.ts; a clause opts in by name. */
export const DEVIATION_RULES = [
  "notification_hours_max",
  "audit_notice_days_max",
  "audit_scope_direct",
  "training_cadence_max",
  "liability_cap_covers_insurance_minimum",
] as const;
export type DeviationRule = (typeof DEVIATION_RULES)[number];

const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source, "i");
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid regular expression" },
);

const signalSchema = z.object({
  /** Every pattern must match the passage for the signal to count. */
  all: z.array(regexSource).min(1),
  weight: z.number(),
  /** A core signal says "this passage is about the clause"; without one a passage scores 0. */
  core: z.boolean().default(false),
});

const hintSchema = z.object({
  code: z.string(),
  label: z.string(),
  all: z.array(regexSource).min(1),
});

const valueRulesSchema = z.object({
  excludeLeadIn: z.array(regexSource).default([]),
  excludeFollowedBy: z.array(regexSource).default([]),
  /** Keep a candidate only when the text after it or the text leading to it matches one of these. */
  require: z.object({ followedBy: z.array(regexSource).default([]), leadIn: z.array(regexSource).default([]) }).optional(),
  /** Passages matching one of these are read for the value only after the others (a follow-up report is not the notice). */
  readLast: z.array(regexSource).default([]),
});

const roleSchema = z.object({
  /**
   * "customer": a right the customer holds (audit): a sentence giving the right
   * to the vendor, or aimed at the customer, is not the clause. "vendor": a duty
   * on the vendor: a duty on the customer, or a mere option of the vendor, is not.
   */
  holder: z.enum(["customer", "vendor", "any"]).default("any"),
  /** Only sentences that bind or entitle someone count (annex descriptions do not). */
  requireBinding: z.boolean().default(false),
  /** "shall not be entitled to audit" / "shall not indemnify" excludes the protection. */
  negationExcludes: z.boolean().default(false),
  /** A limit on liability counts only where it limits the vendor's (or both parties'): "Customer's liability shall not exceed …" is not the clause. */
  vendorLiability: z.boolean().default(false),
});

const finderSchema = z.object({
  threshold: z.number().positive(),
  signals: z.array(signalSchema).min(1),
  /** Section headings that make a core match more credible. */
  headings: z.array(regexSource).default([]),
  headingWeight: z.number().default(1),
  /** Weaker variants worth showing to the reviewer (e.g. audit limited to reports). */
  hints: z.array(hintSchema).default([]),
  value: valueRulesSchema.default({ excludeLeadIn: [], excludeFollowedBy: [], readLast: [] }),
  /** A matching passage that defers the clause to another document ("subject to the limitations set out in the Agreement"). */
  byReference: z.array(regexSource).default([]),
  /** Who the clause protects and how a sentence must read to count (sentence-roles.ts). */
  role: roleSchema.default({ holder: "any", requireBinding: false, negationExcludes: false, vendorLiability: false }),
  /**
   * Where the document itself allows what the clause restricts ("Personal Data may
   * be transferred to, and processed in, other countries"), a statement of where
   * things are ("Your data is stored in the EU") describes a primary location:
   * only a passage that states a restriction still counts.
   */
  permittedElsewhere: z.object({ document: z.array(regexSource).min(1), restriction: regexSource }).optional(),
});

export const clauseCatalogueEntrySchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string().min(1),
  description: z.string().min(1),
  /** What a reviewer (and the finder) counts as present. */
  presentWhen: z.string().min(1),
  valueKind: z.enum(CLAUSE_VALUE_KINDS),
  severityWhenMissing: z.enum(["high", "medium"]),
  severityWhenDeviating: z.enum(["high", "medium"]),
  /** Missing for a Critical/High vendor is a blocker (docs/rules.md §4). */
  blockerForElevatedTier: z.boolean(),
  deviationRules: z.array(z.enum(DEVIATION_RULES)).default([]),
  source: z.string().min(1),
  finder: finderSchema,
});
export type ClauseCatalogueEntry = z.infer<typeof clauseCatalogueEntrySchema>;

export const clauseCatalogueSchema = z
  .object({
    version: z.number().int().positive(),
    source: z.string(),
    finderDefaults: z.object({
      /** Headings of descriptive parts (recitals) whose text states facts rather than duties. */
      descriptiveHeadings: z.array(regexSource).default([]),
      descriptivePenalty: z.number().default(0),
      /** A passage must reach this share of the best score to be quoted next to it. */
      passageShareOfBest: z.number().min(0).max(1).default(0.75),
      maxPassages: z.number().int().positive().default(3),
    }),
    clauses: z.array(clauseCatalogueEntrySchema).min(1),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.clauses.forEach((clause, i) => {
      if (seen.has(clause.code)) ctx.addIssue({ code: "custom", path: ["clauses", i, "code"], message: `duplicate clause code ${clause.code}` });
      seen.add(clause.code);
    });
  });
export type ClauseCatalogue = z.infer<typeof clauseCatalogueSchema>;

/** The seeded catalogue, validated at import so a bad edit fails fast. */
export const CLAUSE_CATALOGUE: ClauseCatalogue = clauseCatalogueSchema.parse(catalogueJson);

export function catalogueEntry(catalogue: ClauseCatalogue, code: string): ClauseCatalogueEntry | undefined {
  return catalogue.clauses.find((c) => c.code === code);
}

// ------------------------------------------------------------ compiled form

export interface CompiledSignal {
  all: RegExp[];
  weight: number;
  core: boolean;
}
export interface CompiledClause {
  entry: ClauseCatalogueEntry;
  signals: CompiledSignal[];
  headings: RegExp[];
  hints: { code: string; label: string; all: RegExp[] }[];
  value: ValueRules;
  role: ClauseRole;
  byReference: RegExp[];
  permittedElsewhere?: { document: RegExp[]; restriction: RegExp };
  /** The first pattern of each core signal, which names the clause's act ("delete", "notify"), to find every mention of it. */
  actions: RegExp[];
}
export type ClauseRole = z.infer<typeof roleSchema>;
export interface CompiledCatalogue {
  clauses: CompiledClause[];
  descriptiveHeadings: RegExp[];
  descriptivePenalty: number;
  passageShareOfBest: number;
  maxPassages: number;
}

const compiled = new WeakMap<ClauseCatalogue, CompiledCatalogue>();
const re = (source: string) => new RegExp(source, "i");

export function compileCatalogue(catalogue: ClauseCatalogue): CompiledCatalogue {
  const cached = compiled.get(catalogue);
  if (cached) return cached;
  const result: CompiledCatalogue = {
    descriptiveHeadings: catalogue.finderDefaults.descriptiveHeadings.map(re),
    descriptivePenalty: catalogue.finderDefaults.descriptivePenalty,
    passageShareOfBest: catalogue.finderDefaults.passageShareOfBest,
    maxPassages: catalogue.finderDefaults.maxPassages,
    clauses: catalogue.clauses.map((entry) => ({
      entry,
      signals: entry.finder.signals.map((s) => ({ all: s.all.map(re), weight: s.weight, core: s.core })),
      headings: entry.finder.headings.map(re),
      hints: entry.finder.hints.map((h) => ({ code: h.code, label: h.label, all: h.all.map(re) })),
      role: entry.finder.role,
      byReference: entry.finder.byReference.map(re),
      permittedElsewhere: entry.finder.permittedElsewhere && {
        document: entry.finder.permittedElsewhere.document.map(re),
        restriction: re(entry.finder.permittedElsewhere.restriction),
      },
      actions: entry.finder.signals.filter((s) => s.core).map((s) => new RegExp(s.all[0] as string, "gi")),
      value: {
        excludeLeadIn: entry.finder.value.excludeLeadIn.map(re),
        excludeFollowedBy: entry.finder.value.excludeFollowedBy.map(re),
        readLast: entry.finder.value.readLast.map(re),
        require: entry.finder.value.require && {
          followedBy: entry.finder.value.require.followedBy.map(re),
          leadIn: entry.finder.value.require.leadIn.map(re),
        },
      },
    })),
  };
  compiled.set(catalogue, result);
  return result;
}
