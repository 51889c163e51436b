// The work queues' sections select, order, count and page in SQL; each is
// checked here against the same portfolio filtered and sorted by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysToDay, formatIsoDay } from "@/lib/domain/dates";
import { NOTICE_DEADLINE_DAYS, QUEUE_FINDING_CODES, QUEUE_PAGE_SIZE, type QueueFindingSection } from "@/lib/domain/queues/work-queues";
import { TIERS } from "@/lib/domain/vocabulary";
import type { Actor } from "@/lib/server/actor";
import { listNoticeDeadlines, listQueueFindings, listSignOffsWaiting } from "@/lib/server/services/work-queues";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";

const NOW = new Date("2026-06-15T10:00:00Z");
const TODAY = formatIsoDay(NOW);
const SEVERITIES = ["blocker", "high", "medium", "low"] as const;
const CODES = ["soc2.stale", "soc2.due", "soc2.missing", "iso.expiring", "insurance.expired", "insurance.below_minimum", "kpi.verification_bypass", "kpi.not_reported", "incident.notified_late", "incident.notification_pending"];

interface VendorSpec {
  name: string;
  tier: (typeof TIERS)[number];
  offboarded: boolean;
  /** [version, state, submitted days ago, roles already signed] */
  assessments: [number, string, number, string[]][];
  findings: { code: string; severity: (typeof SEVERITIES)[number] }[];
  /** Notice deadline offset from today in days, per contract. */
  notices: (number | null)[];
}

function portfolio(): VendorSpec[] {
  const specs: VendorSpec[] = [];
  for (let i = 0; i < 36; i++) {
    const assessments: VendorSpec["assessments"] = [];
    if (i % 3 === 0) assessments.push([1, "in_review", 40 - i, i % 4 === 0 ? ["procurement", "legal"] : i % 4 === 1 ? ["procurement", "security"] : ["procurement"]]);
    // A review superseded by a newer draft is not waiting for anyone.
    if (i % 9 === 0) assessments.push([2, "draft", 0, []]);
    if (i % 3 === 1) assessments.push([1, "approved", 50, ["procurement", "legal", "security"]]);
    specs.push({
      name: `Queue vendor ${String(i).padStart(2, "0")}`,
      tier: TIERS[(i * 7) % 4]!,
      offboarded: i % 11 === 5,
      assessments,
      findings: CODES.filter((_, k) => (i + k) % 4 === 0).map((code, k) => ({ code, severity: SEVERITIES[(i + k) % 4]! })),
      notices: [i % 5 === 0 ? (i * 7) % 120 - 10 : null, i % 6 === 1 ? (i * 3) % 95 : null].filter((n) => n !== null || i % 2 === 0),
    });
  }
  return specs;
}

forEachProvider("work queues", (t) => {
  const specs = portfolio();
  const ids = new Map<string, string>();
  let legal: Actor;
  let security: Actor;
  let procurement: Actor;

  beforeAll(async () => {
    await ensureSettings();
    legal = await makeActor("legal");
    security = await makeActor("security");
    procurement = await makeActor("procurement");
    for (const s of specs) {
      const v = await t.db.vendor.create({
        data: { name: s.name, searchName: s.name.toLowerCase(), legalName: s.name, country: "GB", tier: s.tier, tierRank: TIERS.indexOf(s.tier), status: s.offboarded ? "offboarded" : "active" },
      });
      ids.set(s.name, v.id);
      for (const [version, state, daysAgo, signed] of s.assessments) {
        const a = await t.db.assessment.create({
          data: { vendorId: v.id, version, state, dossier: {}, settings: {}, findings: [], score: {}, overall: 50, rating: "high", createdById: procurement.id, submittedAt: new Date(NOW.getTime() - daysAgo * 86_400_000) },
        });
        for (const role of signed) await t.db.assessmentSignOff.create({ data: { assessmentId: a.id, role, decision: role === "procurement" ? "submit" : "reject", comment: "", signedById: procurement.id } });
      }
      for (const [position, f] of s.findings.entries()) {
        await t.db.vendorFinding.create({ data: { vendorId: v.id, code: f.code, severity: f.severity, domain: "assurance", message: `${f.code} at ${s.name}`, subjectKind: "test", position, computedAt: NOW } });
      }
      for (const offset of s.notices) {
        await t.db.contract.create({ data: { vendorId: v.id, type: "msa", status: "signed", renewal: "auto", title: `MSA ${s.name} ${offset}`, noticeDeadline: offset === null ? null : addDaysToDay(TODAY, offset) } });
      }
    }
  }, 120_000);

  /** Every page of a section, concatenated. */
  async function allPages<T>(list: (page: number) => Promise<{ rows: T[]; total: number; pageSize: number }>) {
    const first = await list(1);
    const rows = [...first.rows];
    for (let page = 2; page <= Math.ceil(first.total / first.pageSize); page++) rows.push(...(await list(page)).rows);
    return { rows, total: first.total, firstPage: first.rows.length };
  }

  describe("assessments waiting for a reviewer's sign-off", () => {
    for (const role of ["legal", "security"] as const) {
      it(`${role}: latest versions in review without ${role}'s sign-off, longest waiting first`, async () => {
        const expected = specs
          .filter((s) => !s.offboarded)
          .flatMap((s) => {
            const latest = Math.max(...s.assessments.map(([v]) => v));
            return s.assessments.filter(([v, state, , signed]) => v === latest && state === "in_review" && !signed.includes(role)).map(([, , daysAgo]) => ({ name: s.name, daysAgo }));
          })
          .sort((a, b) => b.daysAgo - a.daysAgo)
          .map((x) => x.name);
        const actor = role === "legal" ? legal : security;
        const got = await allPages((page) => listSignOffsWaiting({ actor, role, page }));
        expect(got.total).toBe(expected.length);
        expect(got.rows.map((r) => r.vendor.name)).toEqual(expected);
        expect(expected.length).toBeGreaterThan(QUEUE_PAGE_SIZE / 2);
      });
    }

    it("is refused to a role that does not sign that part", async () => {
      await expect(listSignOffsWaiting({ actor: legal, role: "security" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listSignOffsWaiting({ actor: procurement, role: "legal" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  describe("open findings of a kind, most severe first, a page at a time", () => {
    const sections: [QueueFindingSection, Actor | (() => Actor)][] = [
      ["insurance", () => procurement],
      ["assurance", () => security],
      ["kpi", () => security],
      ["incidents", () => security],
    ];
    for (const [section, actorOf] of sections) {
      it(section, async () => {
        const codes = QUEUE_FINDING_CODES[section];
        const rank = (sev: string) => SEVERITIES.indexOf(sev as (typeof SEVERITIES)[number]);
        const expected = specs
          .filter((s) => !s.offboarded)
          .flatMap((s) => s.findings.map((f, position) => ({ ...f, position, s })).filter((f) => codes.includes(f.code)))
          .sort((a, b) => rank(a.severity) - rank(b.severity) || TIERS.indexOf(a.s.tier) - TIERS.indexOf(b.s.tier) || a.s.name.localeCompare(b.s.name) || a.position - b.position)
          .map((f) => `${f.s.name}: ${f.code}`);
        const got = await allPages((page) => listQueueFindings({ actor: (actorOf as () => Actor)(), section, page }));
        expect(got.total).toBe(expected.length);
        expect(got.rows.map((r) => `${r.vendor.name}: ${r.code}`)).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
      });
    }

    it("leaves out findings that are not breaches (a KPI not reported, a notification still inside its window)", async () => {
      const kpi = await allPages((page) => listQueueFindings({ actor: security, section: "kpi", page }));
      expect(kpi.rows.some((r) => r.code === "kpi.not_reported")).toBe(false);
      const incidents = await allPages((page) => listQueueFindings({ actor: security, section: "incidents", page }));
      expect(incidents.rows.some((r) => r.code === "incident.notification_pending")).toBe(false);
    });

    it("is refused to a role that does not own the section", async () => {
      await expect(listQueueFindings({ actor: legal, section: "assurance" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listQueueFindings({ actor: security, section: "insurance" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  it("contract notice deadlines from today to the horizon, soonest first", async () => {
    const horizon = addDaysToDay(TODAY, NOTICE_DEADLINE_DAYS);
    const expected = specs
      .filter((s) => !s.offboarded)
      .flatMap((s) => s.notices.filter((n): n is number => n !== null).map((n) => ({ name: s.name, day: addDaysToDay(TODAY, n) })))
      .filter((c) => c.day >= TODAY && c.day <= horizon)
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const got = await allPages((page) => listNoticeDeadlines({ actor: legal, page, now: NOW }));
    expect(got.total).toBe(expected.length);
    expect(got.rows.map((r) => r.noticeDeadline)).toEqual(expected.map((c) => c.day));
    expect([...got.rows.map((r) => r.vendor.name)].sort()).toEqual(expected.map((c) => c.name).sort());
    expect(got.firstPage).toBe(Math.min(QUEUE_PAGE_SIZE, expected.length));
    await expect(listNoticeDeadlines({ actor: security })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
