import { buildAssessmentReport, type AssessmentReport } from "@/lib/domain/assessments/assessment-report";
import { formatInstantForPeople } from "@/lib/domain/dates";
import type { RatingBand } from "@/lib/domain/scoring/types";
import type { Severity } from "@/lib/domain/vocabulary";
import { appVersion } from "../app-version";
import { db, type Tx } from "../db";
import { notFound } from "../errors";
import { loadReportInput } from "../services/assessments/report-input";
import { MONO_FAMILIES, registerReportFonts, TEXT_FAMILIES } from "./report-fonts";

// The assessment PDF: rendered on the server with @react-pdf from the
// report model (lib/domain/assessments/assessment-report.ts) that the assessment page also
// prints, so paper and screen agree. Everything printed comes from the frozen
// snapshot; the footer says when the file was generated and by which version.
// Fonts are local files (report-fonts.ts): nothing is fetched at render time.

type ReactPdf = typeof import("@react-pdf/renderer");
// @react-pdf/renderer is ESM-only (its packages export "import" conditions
// only), so it is loaded with import(): that works from Next's server bundle,
// vitest, and the CLI and bench run by tsx as CommonJS. The components below
// use it through R, which is set before anything renders.
let R: ReactPdf;
let loading: Promise<ReactPdf> | undefined;

async function loadRenderer(): Promise<ReactPdf> {
  loading ??= import("@react-pdf/renderer").then((mod) => {
    R = mod;
    registerFonts(mod.Font);
    return mod;
  });
  return loading;
}

function registerFonts(Font: ReactPdf["Font"]) {
  registerReportFonts(Font);
  // No syllable hyphenation (it splits names and codes oddly); only very long
  // tokens (hashes, file names, URLs) are cut so they can wrap inside a cell.
  Font.registerHyphenationCallback((word) => (word.length <= 28 ? [word] : (word.match(/.{1,24}/g) ?? [word])));
}

const INK = "#1b1f24";
const MUTED = "#5b6470";
const LINE = "#d5d9de";
const SOFT = "#f3f5f7";
const ACCENT = "#1f4e8c";

const RATING_COLORS: Record<RatingBand, string> = { low: "#1f7a3a", medium: "#a86b00", high: "#c2410c", critical: "#b3122b" };
const RESULT_COLORS: Record<string, string> = { pass: "#1f7a3a", partial: "#a86b00", fail: "#b3122b", unknown: "#b3122b", not_applicable: MUTED };
const SEVERITY_COLORS: Record<Severity, string> = { blocker: "#b3122b", high: "#c2410c", medium: "#a86b00", low: "#4b5563" };

/**
 * OpenType shaping (ligatures, contextual alternates, kerning) off: fontkit's
 * GSUB/GPOS lookups were the single largest cost of a report (about 3.5 times
 * the plain advance-width layout for the same text), and Latin text at 9 pt
 * reads the same without them. Every text node inherits this from the page.
 */
const PLAIN_SHAPING = { calt: false, clig: false, liga: false, dlig: false, rlig: false, rclt: false, ccmp: false, locl: false, mark: false, mkmk: false, kern: false };

// Line heights are given in points: react-pdf 4.9 applies a unitless
// lineHeight twice (1.45 at 9 pt came out as 26 pt between lines).
const s = {
  page: { fontFamily: TEXT_FAMILIES, fontSize: 9, color: INK, fontFeatureSettings: PLAIN_SHAPING, paddingTop: 40, paddingBottom: 52, paddingHorizontal: 40 },
  footer: { position: "absolute", bottom: 22, left: 40, right: 40, flexDirection: "row", justifyContent: "space-between", fontSize: 7.5, color: MUTED, borderTopWidth: 0.5, borderTopColor: LINE, paddingTop: 5 },
  eyebrow: { fontSize: 9, color: ACCENT, fontWeight: 700, textTransform: "uppercase" },
  title: { fontSize: 24, fontWeight: 700, marginTop: 6 },
  subtitle: { fontSize: 11, color: MUTED, marginTop: 2 },
  coverBox: { flexDirection: "row", marginTop: 18, borderWidth: 0.75, borderColor: LINE, borderRadius: 4 },
  scoreBox: { width: 165, padding: 14, backgroundColor: SOFT, alignItems: "center", justifyContent: "center" },
  scoreBig: { fontSize: 34, fontWeight: 700 },
  scoreOf: { fontSize: 9, color: MUTED },
  ratingPill: { marginTop: 8, paddingVertical: 3, paddingHorizontal: 8, borderRadius: 8, color: "#ffffff", fontSize: 9, fontWeight: 700 },
  facts: { flexGrow: 1, padding: 12, flexDirection: "row", flexWrap: "wrap" },
  fact: { width: "50%", marginBottom: 8, paddingRight: 8 },
  factLabel: { fontSize: 7.5, color: MUTED, textTransform: "uppercase", letterSpacing: 0.5 },
  factValue: { fontSize: 10, marginTop: 1 },
  h1: { fontSize: 14, fontWeight: 700, marginTop: 18, marginBottom: 6, color: ACCENT },
  h2: { fontSize: 10.5, fontWeight: 700, marginTop: 10, marginBottom: 4 },
  para: { lineHeight: "13pt", marginBottom: 5 },
  muted: { color: MUTED },
  mono: { fontFamily: MONO_FAMILIES, fontSize: 8.5 },
  arithmetic: { backgroundColor: SOFT, padding: 8, borderRadius: 3 },
  arithmeticLine: { fontFamily: MONO_FAMILIES, fontSize: 8.5, lineHeight: "12.5pt" },
  chartRow: { flexDirection: "row", alignItems: "center", marginBottom: 6 },
  chartLabel: { width: 150, paddingRight: 6 },
  chartTrack: { height: 12 },
  chartText: { width: 150, paddingLeft: 8, fontSize: 8.5 },
  table: { borderTopWidth: 0.75, borderTopColor: LINE, marginTop: 2 },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: LINE, paddingVertical: 3.5 },
  th: { flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: INK, paddingVertical: 3, fontWeight: 700, fontSize: 8 },
  cell: { paddingRight: 6, fontSize: 8.25, lineHeight: "11pt" },
  finding: { marginBottom: 6, paddingLeft: 7, borderLeftWidth: 2 },
  findingMessage: { lineHeight: "12.5pt" },
  findingFacts: { fontSize: 8, color: MUTED, marginTop: 1.5, lineHeight: "10.5pt" },
  severityHeading: { flexDirection: "row", alignItems: "center", marginTop: 8, marginBottom: 4 },
  severityPill: { color: "#ffffff", fontWeight: 700, fontSize: 8, paddingVertical: 2, paddingHorizontal: 6, borderRadius: 6, marginRight: 6 },
  empty: { color: MUTED, fontStyle: "normal" },
  capRow: { marginBottom: 4 },
  orgRow: { flexDirection: "row", alignItems: "center", justifyContent: "space-between", marginBottom: 14 },
  orgName: { fontSize: 11, fontWeight: 700 },
  logo: { maxHeight: 40, maxWidth: 160, objectFit: "contain" },
  notice: { marginTop: 12, padding: 8, borderWidth: 1, borderColor: "#c2410c", backgroundColor: "#fff4ec", borderRadius: 3, lineHeight: "12.5pt" },
  recommendation: { marginTop: 14, padding: 10, borderLeftWidth: 3, borderLeftColor: ACCENT, backgroundColor: SOFT },
  verdict: { fontSize: 13, fontWeight: 700, marginBottom: 4 },
  flag: { color: "#b3122b", fontWeight: 700 },
  arithRow: { flexDirection: "row", paddingVertical: 1.5 },
} as const;

interface Column<T> {
  title: string;
  width: string;
  render: (row: T) => React.ReactNode;
}

function Table<T>({ columns, rows, empty }: { columns: Column<T>[]; rows: readonly T[]; empty: string }) {
  if (rows.length === 0) return <R.Text style={s.empty}>{empty}</R.Text>;
  return (
    <R.View style={s.table}>
      <R.View style={s.th} fixed={false}>
        {columns.map((c) => (
          <R.Text key={c.title} style={[s.cell, { width: c.width }]}>
            {c.title}
          </R.Text>
        ))}
      </R.View>
      {rows.map((row, i) => (
        <R.View key={i} style={s.tr} wrap={false}>
          {columns.map((c) => (
            // A cell is one text node (no wrapping view): fewer layout nodes, same look.
            <R.Text key={c.title} style={[s.cell, { width: c.width }]}>
              {c.render(row)}
            </R.Text>
          ))}
        </R.View>
      ))}
    </R.View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <R.View style={s.fact}>
      <R.Text style={s.factLabel}>{label}</R.Text>
      <R.Text style={s.factValue}>{value}</R.Text>
    </R.View>
  );
}

function Heading({ children }: { children: string }) {
  // minPresenceAhead keeps a heading from being stranded at the foot of a page.
  return (
    <R.Text style={s.h1} minPresenceAhead={60}>
      {children}
    </R.Text>
  );
}

function Cover({ report }: { report: AssessmentReport }) {
  const c = report.cover;
  return (
    <R.View>
      {c.organisationName || c.logo ? (
        <R.View style={s.orgRow}>
          <R.Text style={s.orgName}>{c.organisationName ?? ""}</R.Text>
          {c.logo ? <R.Image style={s.logo} src={{ data: Buffer.from(c.logo.data), format: c.logo.mimeType === "image/png" ? "png" : "jpg" }} /> : null}
        </R.View>
      ) : null}
      <R.Text style={s.eyebrow}>Vendor security assessment</R.Text>
      <R.Text style={s.title}>{c.vendorName}</R.Text>
      <R.Text style={s.subtitle}>
        {c.legalName} · {c.country}
      </R.Text>
      <R.View style={s.coverBox}>
        <R.View style={s.scoreBox}>
          <R.Text style={s.scoreBig}>{c.finalScoreText}</R.Text>
          <R.Text style={s.scoreOf}>out of 100</R.Text>
          <R.Text style={[s.ratingPill, { backgroundColor: RATING_COLORS[c.rating.band] }]}>{c.rating.label}</R.Text>
        </R.View>
        <R.View style={s.facts}>
          <Fact label="Tier" value={c.tierLabel} />
          <Fact label="Rating" value={`${c.rating.label}: ${c.rating.decision}`} />
          <Fact label="Assessment" value={`Version ${c.version} of ${c.assessmentDate}`} />
          <Fact label="Assessor" value={c.assessor} />
          <Fact label="State" value={c.stateLabel} />
          <Fact label="Next assessment due" value={c.nextDue ? c.nextDue.date : "Not set"} />
        </R.View>
      </R.View>
      {c.freshnessNotice ? <R.Text style={s.notice}>{c.freshnessNotice}</R.Text> : null}
      <R.View style={s.recommendation} wrap={false}>
        <R.Text style={s.eyebrow}>Recommendation</R.Text>
        <R.Text style={s.verdict}>{report.recommendation.verdict}</R.Text>
        {report.recommendation.sentences.map((line, i) => (
          <R.Text key={i} style={s.para}>
            {line}
          </R.Text>
        ))}
      </R.View>
    </R.View>
  );
}

function Chart({ report }: { report: AssessmentReport }) {
  const maxWeight = Math.max(1, ...report.chart.map((b) => b.weight));
  const full = 200;
  return (
    <R.View>
      <R.Text style={[s.para, s.muted]}>
        Each bar is as long as the domain&apos;s weight (the points it can add to the overall score); the dark part is what the vendor earned (weight × domain
        score).
      </R.Text>
      {report.chart.map((bar) => {
        const trackWidth = (full * bar.weight) / maxWeight;
        const filled = bar.weight > 0 ? (trackWidth * bar.contribution) / bar.weight : 0;
        return (
          <R.View key={bar.key} style={s.chartRow} wrap={false}>
            <R.Text style={s.chartLabel}>{bar.label}</R.Text>
            <R.Svg width={full} height={12} style={s.chartTrack}>
              <R.Rect x={0} y={0} width={Math.max(trackWidth, 0.5)} height={12} fill="#dde3ea" />
              {bar.included ? <R.Rect x={0} y={0} width={Math.max(filled, 0)} height={12} fill={ACCENT} /> : null}
            </R.Svg>
            <R.Text style={s.chartText}>
              {bar.included ? `${bar.scoreText} → ${bar.contributionText} of ${bar.weightText}` : `excluded (weight ${bar.weightText}%)`}
            </R.Text>
          </R.View>
        );
      })}
    </R.View>
  );
}

function Arithmetic({ report }: { report: AssessmentReport }) {
  return (
    <R.View>
      <R.View style={s.arithmetic}>
        {report.arithmetic.map((line, i) => (
          <R.View key={i} style={s.arithRow} wrap={false}>
            <R.Text style={[s.arithmeticLine, { width: "62%" }, line.total ? { fontWeight: 700 } : {}]}>{line.left}</R.Text>
            <R.Text style={[s.arithmeticLine, { width: "38%" }, line.total ? { fontWeight: 700 } : {}]}>{line.right}</R.Text>
          </R.View>
        ))}
      </R.View>
      <R.Text style={[s.para, s.muted, { marginTop: 4 }]}>
        Each check scores 1 point for a pass, 0.5 for a partial and 0 for a fail or missing evidence; a domain scores its points as a share of 100, and the weights (in per cent) turn the domain scores into points of the overall score. Figures are rounded to the nearest tenth.
      </R.Text>
      <R.Text style={s.h2}>Ceilings</R.Text>
      {report.caps.map((cap) => (
        <R.View key={cap.code} style={s.capRow} wrap={false}>
          <R.Text style={{ fontWeight: 700 }}>
            {cap.title}: {cap.triggered ? (cap.lowered ? "applied" : "triggered, no change") : "not applied"}
          </R.Text>
          <R.Text style={s.muted}>{cap.reason}</R.Text>
        </R.View>
      ))}
      <R.Text style={s.h2}>Checks by domain</R.Text>
      {report.checkGroups.map((group) => (
        <R.View key={group.key}>
          <R.Text style={[s.para, { fontWeight: 700, marginTop: 4 }]} minPresenceAhead={40}>
            {group.line}
          </R.Text>
          <CheckRows checks={group.checks} />
        </R.View>
      ))}
      <MissingEvidence report={report} />
    </R.View>
  );
}

/**
 * The checks of one domain. Checks that did not pass get a row each: result,
 * points, what was seen and what was required. Passed and not-applicable
 * checks are listed by title in one paragraph each (their points are in the
 * domain line above): the report stays readable, and a single text node per
 * row keeps the longest part of the report cheap to lay out.
 */
function CheckRows({ checks }: { checks: AssessmentReport["checkGroups"][number]["checks"] }) {
  if (checks.length === 0) return <R.Text style={s.empty}>No checks.</R.Text>;
  const detailed = checks.filter((c) => c.result !== "pass" && c.result !== "not_applicable");
  const passed = checks.filter((c) => c.result === "pass");
  const notApplicable = checks.filter((c) => c.result === "not_applicable");
  return (
    <R.View style={s.table}>
      {detailed.map((c, i) => (
        <R.View key={i} style={s.tr} wrap={false}>
          <R.Text style={[s.cell, { width: "14%", color: RESULT_COLORS[c.result] ?? INK }]}>
            {c.resultLabel} · {c.pointsText}
          </R.Text>
          <R.Text style={[s.cell, { width: "86%" }]}>
            <R.Text style={{ fontWeight: 700 }}>{c.title}</R.Text>
            {`  Observed: ${c.observed}. Required: ${c.threshold}.`}
          </R.Text>
        </R.View>
      ))}
      {passed.length > 0 ? (
        <R.View style={s.tr}>
          <R.Text style={[s.cell, { width: "14%", color: RESULT_COLORS.pass }]}>Pass · 1 each</R.Text>
          <R.Text style={[s.cell, { width: "86%" }]}>{passed.map((c) => c.title).join("; ")}.</R.Text>
        </R.View>
      ) : null}
      {notApplicable.length > 0 ? (
        <R.View style={s.tr}>
          <R.Text style={[s.cell, { width: "14%", color: MUTED }]}>Not applicable</R.Text>
          <R.Text style={[s.cell, { width: "86%" }]}>
            {`${notApplicable.map((c) => `${c.title} (${c.observed})`).join("; ")}. Left out of the domain's mean.`}
          </R.Text>
        </R.View>
      ) : null}
    </R.View>
  );
}

/** Checks still waiting for evidence: one grouped list (each scores 0 until the evidence arrives). */
function MissingEvidence({ report }: { report: AssessmentReport }) {
  if (report.missingEvidence.length === 0) return null;
  return (
    <R.View>
      <R.Text style={s.h2} minPresenceAhead={40}>
        Evidence not yet provided ({report.missingEvidence.length})
      </R.Text>
      <R.Text style={[s.para, s.muted]}>These checks have no evidence on file yet; each counts as 0 points until it is provided.</R.Text>
      {[...new Set(report.missingEvidence.map((m) => m.domainTitle))].map((domain) => (
        <R.View key={domain} style={s.table}>
          <R.Text style={[s.cell, { fontWeight: 700, paddingVertical: 3 }]} minPresenceAhead={24}>
            {domain}
          </R.Text>
          {report.missingEvidence
            .filter((m) => m.domainTitle === domain)
            .map((m, i) => (
              <R.Text key={i} style={[s.cell, { paddingVertical: 1.5 }]} wrap={false}>
                <R.Text style={{ fontWeight: 700 }}>{m.title}</R.Text>
                {` — needed: ${m.required}`}
              </R.Text>
            ))}
        </R.View>
      ))}
    </R.View>
  );
}

function Findings({ report }: { report: AssessmentReport }) {
  if (report.findingGroups.length === 0) return <R.Text style={s.empty}>No rule raised a finding.</R.Text>;
  return (
    <R.View>
      {report.findingGroups.map((group) => (
        <R.View key={group.severity}>
          <R.View style={s.severityHeading} minPresenceAhead={40}>
            <R.Text style={[s.severityPill, { backgroundColor: SEVERITY_COLORS[group.severity] }]}>{group.title}</R.Text>
            <R.Text style={s.muted}>
              {group.findings.length} finding{group.findings.length === 1 ? "" : "s"}
            </R.Text>
          </R.View>
          {group.findings.map((f, i) => (
            <R.View key={i} style={[s.finding, { borderLeftColor: SEVERITY_COLORS[group.severity] }]} wrap={false}>
              <R.Text style={s.findingMessage}>{f.message}</R.Text>
              <R.Text style={s.findingFacts}>
                {[f.observed ? `Observed: ${f.observed}` : "", f.threshold ? `Threshold: ${f.threshold}` : "", `Source: ${f.sourceLabel}`].filter(Boolean).join("  ·  ")}
              </R.Text>
            </R.View>
          ))}
        </R.View>
      ))}
    </R.View>
  );
}

/**
 * One A4 page flow with the running footer. The report is split into a few
 * flows (cover and summary; arithmetic; findings; evidence, legal and
 * workflow) because react-pdf re-lays out everything after each page break:
 * shorter flows keep a long report fast.
 */
function ReportPage({ footer, children }: { footer: string; children: React.ReactNode }) {
  return (
    <R.Page size="A4" style={s.page}>
      <R.View style={s.footer} fixed>
        <R.Text>{footer}</R.Text>
        <R.Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
      </R.View>
      {children}
    </R.Page>
  );
}

export function AssessmentReportDocument({ report, version = appVersion() }: { report: AssessmentReport; version?: string }) {
  const c = report.cover;
  const generated = formatInstantForPeople(report.generatedAt);
  const footer = `Assay ${version} · generated ${generated} · ${c.vendorName}, assessment v${c.version} of ${c.assessmentDay}`;
  return (
    <R.Document
      title={`${c.vendorName}: security assessment v${c.version}`}
      author="Assay"
      subject={`Scored vendor assessment, version ${c.version} of ${c.assessmentDate}`}
      creator={`Assay ${version}`}
      producer={`Assay ${version}`}
      creationDate={report.generatedAt}
      modificationDate={report.generatedAt}
    >
      <ReportPage footer={footer}>
        <Cover report={report} />

        <Heading>Executive summary</Heading>
        {report.summary.map((p, i) => (
          <R.Text key={i} style={s.para}>
            {p}
          </R.Text>
        ))}

      </ReportPage>

      <ReportPage footer={footer}>
        <Heading>Domain scores against their weights</Heading>
        <Chart report={report} />

        <Heading>Score arithmetic</Heading>
        <Arithmetic report={report} />

      </ReportPage>

      <ReportPage footer={footer}>
        <Heading>Findings by severity</Heading>
        <Findings report={report} />

      </ReportPage>

      <ReportPage footer={footer}>
        <Heading>Evidence inventory</Heading>
        <Table
          empty="No evidence documents were on file."
          rows={report.evidence}
          columns={[
            { title: "Document", width: "30%", render: (e) => `${e.title}\n${e.fileName}` },
            { title: "Kind", width: "16%", render: (e) => e.kindLabel },
            { title: "Effective", width: "11%", render: (e) => e.effectiveDate },
            { title: "Uploaded", width: "19%", render: (e) => `${e.uploadedAt}\n${e.uploadedBy}` },
            { title: "SHA-256 (prefix)", width: "24%", render: (e) => <R.Text style={s.mono}>{e.sha256Prefix}…</R.Text> },
          ]}
        />

        <Heading>Clause review</Heading>
        <R.Text style={[s.para, s.muted]}>{report.clauseCatalogueNote}</R.Text>
        <Table
          empty="No clauses in the catalogue."
          rows={report.clauses}
          columns={[
            { title: "Clause", width: "22%", render: (r) => r.title },
            { title: "Status", width: "28%", render: (r) => r.statusLabel },
            { title: "Citation", width: "18%", render: (r) => r.citation || "—" },
            { title: "Value", width: "14%", render: (r) => r.value || "—" },
            { title: "Reviewer note", width: "18%", render: (r) => r.note || "—" },
          ]}
        />

        <Heading>Transfer matrix</Heading>
        <R.Text style={[s.para, s.muted]}>{report.transferNote}</R.Text>
        <Table
          empty="No EU personal data is processed outside the vendor's own profile: no transfers to assess."
          rows={report.transfers}
          columns={[
            { title: "Country", width: "16%", render: (r) => r.countryLabel },
            { title: "Processed by", width: "22%", render: (r) => r.processedBy },
            { title: "Regime", width: "16%", render: (r) => r.regimeLabel },
            { title: "Mechanism", width: "20%", render: (r) => r.mechanismLabel },
            { title: "Issue", width: "26%", render: (r) => r.issue ?? "—" },
          ]}
        />

        <Heading>Sign-offs</Heading>
        <Table
          empty="No sign-offs."
          rows={report.signOffs}
          columns={[
            { title: "Role", width: "13%", render: (r) => r.roleLabel },
            { title: "Decision", width: "20%", render: (r) => r.decisionLabel },
            { title: "Name", width: "18%", render: (r) => r.name || "—" },
            { title: "Date", width: "19%", render: (r) => r.date || "—" },
            {
              title: "Comment",
              width: "30%",
              render: (r) => (
                <>
                  {r.pending ? "—" : r.blankComment ? <R.Text style={s.flag}>No comment given</R.Text> : r.comment}
                  {r.againstRating ? <R.Text style={s.flag}>{`\n${r.againstRating}`}</R.Text> : null}
                </>
              ),
            },
          ]}
        />

        <Heading>Risk acceptance</Heading>
        <Table
          empty="No risk acceptance was recorded on this assessment."
          rows={report.riskAcceptances}
          columns={[
            { title: "Accepted by", width: "16%", render: (r) => `${r.acceptedByName}\n${r.recordedText}` },
            { title: "Reason", width: "30%", render: (r) => r.reason },
            { title: "Findings accepted", width: "38%", render: (r) => r.findings.map((f) => f.message).join("\n") },
            { title: "Until", width: "16%", render: (r) => (r.expired ? `${r.expiresText} (expired)` : r.expiresText) },
          ]}
        />

        <Heading>Remediation items</Heading>
        <Table
          empty="No remediation items were set on this assessment."
          rows={report.remediation}
          columns={[
            { title: "Item", width: "27%", render: (r) => r.title },
            { title: "Finding", width: "15%", render: (r) => r.findingText || "—" },
            { title: "Owner", width: "14%", render: (r) => r.ownerName ?? "—" },
            { title: "Due", width: "12%", render: (r) => r.dueText },
            { title: "Status", width: "12%", render: (r) => (r.overdue ? `${r.statusLabel} (overdue)` : r.statusLabel) },
            { title: "Closed with", width: "20%", render: (r) => [r.closingEvidenceText, r.closingNote ?? ""].filter(Boolean).join("\n") || "—" },
          ]}
        />
        <R.Text style={[s.para, s.muted, { marginTop: 6 }]}>Remediation status as of {generated}.</R.Text>
      </ReportPage>
    </R.Document>
  );
}

type PdfInstance = ReturnType<ReactPdf["pdf"]>;
let instance: PdfInstance | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Renders the report model to PDF bytes.
 *
 * One react-pdf root is kept and reused, and renders take turns on it.
 * renderToBuffer() makes a new React root per call and React never lets go
 * of those roots, so each report's element tree (the whole report model)
 * stayed reachable and the heap grew by about 100 KB per report (1.5 MB
 * before the tree was unmounted). Layout is CPU-bound on one thread anyway,
 * so taking turns costs nothing, and a long run (an audit pack over many
 * vendors, the bench's 100 reports) stays flat.
 */
export function renderReportPdf(report: AssessmentReport): Promise<Buffer> {
  const run = async () => {
    const { pdf } = await loadRenderer();
    instance ??= pdf();
    const root = instance;
    root.updateContainer(<AssessmentReportDocument report={report} />);
    try {
      const stream = await root.toBuffer();
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      return Buffer.concat(chunks);
    } finally {
      // Unmount, so the finished report is not kept until the next one.
      root.updateContainer(null as unknown as React.ReactElement);
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * The PDF of one assessment, from its frozen snapshot. No permission check and
 * no audit event: callers do both (the download route through
 * downloadAssessmentReport, the audit pack through its own export event).
 */
export async function renderAssessmentPdf(assessmentId: string, options: { now?: Date; client?: Tx } = {}): Promise<Buffer> {
  const loaded = await loadReportInput(options.client ?? db(), assessmentId, options.now ?? new Date());
  if (!loaded) throw notFound("Assessment not found.");
  return renderReportPdf(buildAssessmentReport(loaded.input));
}
