import { z } from "zod";
import { isRealIsoDay } from "@/lib/domain/dates";
import { DATA_CATEGORIES } from "@/lib/domain/vocabulary";
import {
  AUDIT_SCOPES,
  CLAUSE_PRESENCE,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  DPA_STATUSES,
  LEGAL_SIGN_OFF_DECISIONS,
  RENEWAL_KINDS,
  SCC_MODULES,
  TRANSFER_MECHANISMS,
} from "@/lib/domain/legal/legal-vocabulary";

// Legal review inputs (docs/rules.md §4-5), one schema per form, shared by the
// form's zodResolver and the server. Forms send "" for an emptied input and
// NaN for an emptied number input: both mean "not given".

const isBlank = (v: unknown) => v === "" || v === null || (typeof v === "number" && Number.isNaN(v));
/**
 * An optional form field. Blank values become undefined before validation, so
 * a bad value still gets its own message ("Whole numbers only.") instead of a
 * generic union error.
 */
function optional<T extends z.ZodType>(schema: T) {
  // The cast restores the optional key and the real input type that preprocess erases.
  return z.preprocess((v) => (isBlank(v) ? undefined : v), schema.optional()) as unknown as z.ZodOptional<
    z.ZodType<z.output<T>, z.input<T> | "" | null>
  >;
}

/** Calendar date from an <input type="date">: "YYYY-MM-DD". */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31.")
  .refine(isRealIsoDay, "Not a real date.");

/** ISO 3166-1 alpha-2, upper case ("GB" for the United Kingdom). */
export const countryCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. PH."));

export const currencyCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, "Use the three-letter currency code, e.g. USD."));

const wholeNumber = (min: number, max: number) => z.number().int("Whole numbers only.").min(min).max(max);
const id = z.string().trim().min(1);

// ------------------------------------------------------------------ contract

const contractFields = z.object({
  type: z.enum(CONTRACT_TYPES),
  title: optional(z.string().trim().max(200)),
  status: z.enum(CONTRACT_STATUSES),
  effectiveDate: optional(isoDate),
  termEnd: optional(isoDate),
  renewal: z.enum(RENEWAL_KINDS),
  noticePeriodDays: optional(wholeNumber(0, 3650)),
  governingLaw: optional(z.string().trim().max(120)),
  /** The signed file, stored as evidence (SHA-256, uploader, upload time). */
  evidenceId: optional(id),
});

function checkContract(c: z.output<typeof contractFields>, ctx: z.RefinementCtx) {
  if (c.effectiveDate && c.termEnd && c.termEnd < c.effectiveDate) {
    ctx.addIssue({ code: "custom", path: ["termEnd"], message: "The term cannot end before the effective date." });
  }
  if (c.status === "signed" && !c.evidenceId) {
    ctx.addIssue({ code: "custom", path: ["evidenceId"], message: "Attach the signed file to mark the contract signed." });
  }
  if (c.status === "signed" && !c.effectiveDate) {
    ctx.addIssue({ code: "custom", path: ["effectiveDate"], message: "A signed contract needs its effective date." });
  }
}

export const contractSchema = contractFields.superRefine(checkContract);
export type ContractInput = z.input<typeof contractSchema>;
export type Contract = z.output<typeof contractSchema>;

export const storedContractSchema = contractFields.extend({ id }).superRefine(checkContract);
export type StoredContract = z.output<typeof storedContractSchema>;

// --------------------------------------------------------- clause review row

export const clauseCitationSchema = z.object({
  contractId: z.string().trim().min(1, "Choose the contract the clause is in."),
  section: optional(z.string().trim().max(80)),
  page: optional(wholeNumber(1, 10_000)),
});
export type ClauseCitation = z.output<typeof clauseCitationSchema>;

/**
 * One row of the clause checklist. The reviewer records presence and the
 * structured value; "deviating" is computed from them (clause-deviation.ts),
 * never typed, so the same contract always gets the same status.
 */
export const clauseReviewRowSchema = z
  .object({
    clauseCode: z.string().regex(/^[a-z][a-z0-9_]*$/),
    presence: z.enum(CLAUSE_PRESENCE),
    citation: clauseCitationSchema.optional(),
    /** valueKind "hours": e.g. incident notification deadline. */
    hours: optional(wholeNumber(0, 24 * 366)),
    /** valueKind "days": e.g. notice before an audit. */
    days: optional(wholeNumber(0, 3650)),
    /** valueKind "months": e.g. training cadence. */
    months: optional(wholeNumber(1, 120)),
    /** valueKind "money": e.g. liability cap, integer minor units. */
    amountMinor: optional(z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)),
    currency: optional(currencyCode),
    /** Right to audit only: may we audit ourselves, or only read the vendor's reports? */
    auditScope: optional(z.enum(AUDIT_SCOPES)),
    reviewerNote: optional(z.string().trim().max(4000)),
  })
  .superRefine((row, ctx) => {
    if (row.presence === "present" && !row.citation) {
      ctx.addIssue({ code: "custom", path: ["citation", "contractId"], message: "Cite the contract (and section or page) where the clause is." });
    }
    if (row.amountMinor !== undefined && !row.currency) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: "Give the currency of the amount." });
    }
  });
export type ClauseReviewRowInput = z.input<typeof clauseReviewRowSchema>;
export type ClauseReviewRow = z.output<typeof clauseReviewRowSchema>;

// ----------------------------------------------------------------------- DPA

export const dpaSchema = z
  .object({
    status: z.enum(DPA_STATUSES),
    signedDate: optional(isoDate),
    version: optional(z.string().trim().max(40)),
    /** The DPA as a contract record, when it has been uploaded. */
    contractId: optional(id),
  })
  .superRefine((d, ctx) => {
    if (d.status === "signed" && !d.signedDate) {
      ctx.addIssue({ code: "custom", path: ["signedDate"], message: "Give the date the DPA was signed." });
    }
    if (d.status === "signed" && !d.version) {
      ctx.addIssue({ code: "custom", path: ["version"], message: "Give the version of the signed DPA." });
    }
  });
export type DpaInput = z.input<typeof dpaSchema>;
export type Dpa = z.output<typeof dpaSchema>;

// ------------------------------------------------------- transfer mechanism

const sccModule = z
  .union([z.number(), z.string().regex(/^[1-4]$/).transform(Number)])
  .pipe(z.number().int().min(1).max(4))
  .transform((n) => n as (typeof SCC_MODULES)[number]);

/** What legal recorded for one country of the transfer matrix. */
export const transferMechanismSchema = z
  .object({
    country: countryCode,
    mechanism: z.enum(TRANSFER_MECHANISMS),
    sccModule: optional(sccModule),
    /** Date the transfer impact assessment was completed (Schrems II, EDPB Recommendations 01/2020). */
    tiaDate: optional(isoDate),
    note: optional(z.string().trim().max(2000)),
  })
  .superRefine((t, ctx) => {
    if (t.mechanism === "sccs" && t.sccModule === undefined) {
      ctx.addIssue({ code: "custom", path: ["sccModule"], message: "Choose the SCC module (1-4)." });
    }
  });
export type TransferMechanismInput = z.input<typeof transferMechanismSchema>;
export type RecordedTransferMechanism = z.output<typeof transferMechanismSchema>;

// ------------------------------------------------------------ sub-processor

const subProcessorFields = z.object({
  name: z.string().trim().min(1, "Name the sub-processor.").max(200),
  service: z.string().trim().min(1, "Say what it does for the vendor.").max(200),
  country: countryCode,
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  /** We gave prior (specific or general) written authorisation (GDPR Art. 28(2)). */
  consented: z.boolean(),
  /** The vendor told us about it in advance, with a chance to object (GDPR Art. 28(2)). */
  notified: z.boolean(),
});
export const subProcessorSchema = subProcessorFields;
export type SubProcessorInput = z.input<typeof subProcessorSchema>;
export type SubProcessor = z.output<typeof subProcessorSchema>;
export const storedSubProcessorSchema = subProcessorFields.extend({ id: optional(id) });
export type StoredSubProcessor = z.output<typeof storedSubProcessorSchema>;

// ---------------------------------------------------------- legal sign-off

export const legalSignOffCommentSchema = z
  .object({
    decision: z.enum(LEGAL_SIGN_OFF_DECISIONS),
    comment: z.string().trim().max(4000),
  })
  .superRefine((s, ctx) => {
    if (s.decision !== "approved" && s.comment.length === 0) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Explain the conditions or the reason for rejection." });
    }
  });
export type LegalSignOffCommentInput = z.input<typeof legalSignOffCommentSchema>;
export type LegalSignOffComment = z.output<typeof legalSignOffCommentSchema>;

// --------------------------------------------------------------- aggregate

/** Everything legal records for one vendor; the input of legalFindingsFor. */
export const legalDossierSchema = z
  .object({
    contracts: z.array(storedContractSchema),
    clauseReviews: z.array(clauseReviewRowSchema),
    dpa: dpaSchema,
    transferMechanisms: z.array(transferMechanismSchema),
    subProcessors: z.array(storedSubProcessorSchema),
    signOff: legalSignOffCommentSchema.optional(),
  })
  .superRefine((d, ctx) => {
    const contractIds = new Set(d.contracts.map((c) => c.id));
    const clauses = new Set<string>();
    d.clauseReviews.forEach((row, i) => {
      if (clauses.has(row.clauseCode)) {
        ctx.addIssue({ code: "custom", path: ["clauseReviews", i, "clauseCode"], message: `Clause ${row.clauseCode} is reviewed twice.` });
      }
      clauses.add(row.clauseCode);
      if (row.citation && !contractIds.has(row.citation.contractId)) {
        ctx.addIssue({ code: "custom", path: ["clauseReviews", i, "citation", "contractId"], message: "The cited contract is not in this dossier." });
      }
    });
    const countries = new Set<string>();
    d.transferMechanisms.forEach((t, i) => {
      if (countries.has(t.country)) {
        ctx.addIssue({ code: "custom", path: ["transferMechanisms", i, "country"], message: `${t.country} has two transfer mechanisms.` });
      }
      countries.add(t.country);
    });
    if (d.dpa.contractId && !contractIds.has(d.dpa.contractId)) {
      ctx.addIssue({ code: "custom", path: ["dpa", "contractId"], message: "The DPA's contract is not in this dossier." });
    }
  });
export type LegalDossierInput = z.input<typeof legalDossierSchema>;
export type LegalDossier = z.output<typeof legalDossierSchema>;

/**
 * A vendor legal has not reviewed yet. Every clause then counts as missing and
 * the DPA as absent (legal-findings.ts): an empty review is never a pass.
 */
export function emptyLegalDossier(): LegalDossier {
  return { contracts: [], clauseReviews: [], dpa: { status: "none" }, transferMechanisms: [], subProcessors: [] };
}
