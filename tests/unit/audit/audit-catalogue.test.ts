import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  AUDIT_CATALOGUE,
  AuditPayloadError,
  assertAuditEvent,
  auditActionGroups,
  auditActionLabel,
  auditActionSchema,
  dossierRecordAction,
} from "@/lib/schemas/audit-actions";
import { auditLogFilterSchema } from "@/lib/schemas/audit-log";
import { RECORD_KIND_KEYS } from "@/lib/schemas/dossier-record-kinds";
import { recordAudit } from "@/lib/server/audit";
import type { Tx } from "@/lib/server/db";

// The audit catalogue (lib/schemas/audit-actions.ts) against the code that
// writes events: every action written is catalogued, every catalogued action
// is written, and an event outside the catalogue is refused.

const root = path.resolve(__dirname, "../../..");
/** The writers of audit events: recordAudit, and the two wrappers that pass an action through. */
const WRITERS = ["recordAudit", "recordAndReadHead", "noteDenial"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const appSources = ["app", "lib"].flatMap(sourceFiles);

/**
 * Every action each audit write in the app can pass, read off its type by the
 * TypeScript checker: literals, conditionals (`a ? "x" : "y"`), the template
 * `dossier.<kind>.<verb>` and union-typed parameters all resolve to string literals.
 */
function writtenActions(): { actions: Set<string>; unresolved: string[]; calls: number } {
  const files = appSources.filter((f) => WRITERS.some((w) => fs.readFileSync(path.join(root, f), "utf8").includes(`${w}(`))).map((f) => path.join(root, f));
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const actions = new Set<string>();
  const unresolved: string[] = [];
  let calls = 0;
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && WRITERS.includes(node.expression.text)) {
        let arg = node.arguments[node.arguments.length - 1];
        while (arg && (ts.isAsExpression(arg) || ts.isParenthesizedExpression(arg))) arg = arg.expression;
        // A wrapper forwarding its whole input (recordAndReadHead) is covered by its callers.
        const action = arg && ts.isObjectLiteralExpression(arg) ? arg.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "action") : undefined;
        if (action && (ts.isPropertyAssignment(action) || ts.isShorthandPropertyAssignment(action))) {
          calls++;
          let type = checker.getTypeAtLocation(ts.isPropertyAssignment(action) ? action.initializer : action.name);
          type = checker.getBaseConstraintOfType(type) ?? type;
          for (const member of type.isUnion() ? type.types : [type]) {
            if (member.isStringLiteral()) actions.add(member.value);
            else unresolved.push(`${path.relative(root, file)}: ${checker.typeToString(member)}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { actions, unresolved, calls };
}

describe("the audit catalogue covers exactly what the code writes", () => {
  it("every audit write names catalogued actions only, and every catalogued action is written somewhere", () => {
    const { actions, unresolved, calls } = writtenActions();
    expect(calls).toBeGreaterThan(40);
    expect(unresolved).toEqual([]);
    expect([...actions].filter((a) => !(a in AUDIT_CATALOGUE)).sort()).toEqual([]);
    expect(AUDIT_ACTIONS.filter((a) => !actions.has(a))).toEqual([]);
  }, 120_000);

  it("nothing but recordAudit inserts audit events", () => {
    const inserting = appSources.filter((f) => /auditEvent\.(create|createMany|upsert)\b|INSERT INTO "AuditEvent"|bulkInsert\([^)]*"AuditEvent"/.test(fs.readFileSync(path.join(root, f), "utf8")));
    expect(inserting).toEqual([path.join("lib", "server", "audit.ts")]);
  });

  it("has one dossier action per record kind and verb, with a label people can read", () => {
    expect(AUDIT_ACTIONS).toEqual(expect.arrayContaining(RECORD_KIND_KEYS.map((k) => dossierRecordAction(k, "update"))));
    expect(auditActionLabel("dossier.soc2.delete")).toBe("SOC 2 report removed");
    expect(auditActionLabel("vendor.update")).toBe("Vendor profile changed");
    // Events written before an action was retired still show, as themselves.
    expect(auditActionLabel("test.retired")).toBe("test.retired");
    const labels = AUDIT_ACTIONS.map((a) => AUDIT_CATALOGUE[a].label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe("an event outside the catalogue is refused", () => {
  const vendorView = {
    name: "Harbour Contact",
    legalName: "Harbour Contact Ltd",
    website: null,
    country: "PH",
    services: ["voice"],
    industries: ["fintech"],
    dataCategories: [],
    accessLevel: "read_only",
    tier: "high",
    computedTier: "high",
    tierOverrideReason: null,
    status: "active",
    ownerId: null,
    version: 1,
  };

  it("accepts a catalogued event, with dates as Date objects or ISO strings", () => {
    expect(() => assertAuditEvent({ action: "vendor.create", entityType: "vendor", after: vendorView })).not.toThrow();
    expect(() => assertAuditEvent({ action: "evidence.download", entityType: "evidence" })).not.toThrow();
    const decide = (due: unknown) => ({ action: "assessment.decide", entityType: "assessment", before: { state: "in_review", vendorNextAssessmentDue: null }, after: { state: "approved", version: 2, vendorNextAssessmentDue: due } });
    expect(() => assertAuditEvent(decide(new Date("2027-01-01T00:00:00Z")))).not.toThrow();
    expect(() => assertAuditEvent(decide("2027-01-01T00:00:00.000Z"))).not.toThrow();
    expect(() => assertAuditEvent(decide("next year"))).toThrow(AuditPayloadError);
  });

  it("refuses an unknown action", () => {
    expect(() => assertAuditEvent({ action: "vendor.explode", entityType: "vendor" })).toThrow(/vendor\.explode.*unknown action/);
    expect(auditActionSchema.safeParse("test.write").success).toBe(false);
  });

  it("refuses the wrong entity type", () => {
    expect(() => assertAuditEvent({ action: "vendor.create", entityType: "user", after: vendorView })).toThrow(/entity type "user", expected "vendor"/);
  });

  it("refuses a payload of another shape: a missing field, a stray field, a wrong type, a side the action never writes", () => {
    const { version: _version, ...missing } = vendorView;
    expect(() => assertAuditEvent({ action: "vendor.create", entityType: "vendor", after: missing })).toThrow(/after:.*version/s);
    // A stray field is refused, so nothing (a password hash, say) rides into the log unnoticed.
    expect(() => assertAuditEvent({ action: "vendor.create", entityType: "vendor", after: { ...vendorView, passwordHash: "x" } })).toThrow(/passwordHash/);
    expect(() => assertAuditEvent({ action: "vendor.create", entityType: "vendor", after: { ...vendorView, services: "voice" } })).toThrow(/services/);
    expect(() => assertAuditEvent({ action: "vendor.create", entityType: "vendor", before: vendorView, after: vendorView })).toThrow(/before:/);
    expect(() => assertAuditEvent({ action: "auth.sign_in_failed", entityType: "user", after: { email: "a@b.example", ip: null, userAgent: null, reason: "guessed" } })).toThrow(/reason/);
    // Dossier records: a new record has no "before", a removed one no "after", a change has both.
    const site = { name: "Manila", country: "PH", startedOn: new Date("2024-01-01T00:00:00Z"), tags: ["voice"] };
    const record = (action: string, payload: object) => () => assertAuditEvent({ action, entityType: "dossier.site", ...payload });
    expect(record("dossier.site.create", { after: site })).not.toThrow();
    expect(record("dossier.site.create", { before: site, after: site })).toThrow(/before:/);
    expect(record("dossier.site.update", { after: site })).toThrow(/before:/);
    expect(record("dossier.site.delete", { before: site })).not.toThrow();
    expect(record("dossier.site.delete", { before: site, after: site })).toThrow(/after:/);
    expect(record("dossier.site.update", { before: site, after: { ...site, seats: () => 300 } })).toThrow(/after:/);
  });

  it("is a compile-time error too", () => {
    // Never run: tsc (npx tsc --noEmit) checks that each line below is refused.
    const compileOnly = (tx: Tx) => [
      // @ts-expect-error an action outside the catalogue
      recordAudit(tx, null, { action: "vendor.explode", entityType: "vendor" }),
      // @ts-expect-error the entity type of another action
      recordAudit(tx, null, { action: "evidence.download", entityType: "vendor" }),
      // @ts-expect-error a payload field the action does not have
      recordAudit(tx, null, { action: "pack.bulk_export.failed", entityType: "pack_job", after: { error: "disk full", stack: "…" } }),
      // @ts-expect-error a required payload left out
      recordAudit(tx, null, { action: "catalogue.import", entityType: "control_catalogue" }),
      recordAudit(tx, null, { action: "catalogue.import", entityType: "control_catalogue", after: { added: ["AC-1"] } }),
    ];
    expect(typeof compileOnly).toBe("function");
  });
});

describe("the audit log's action filter", () => {
  const action = (value: string) => auditLogFilterSchema.parse({ action: value }).action;

  it("takes a catalogued action or a catalogued prefix, and drops anything else", () => {
    expect(action("vendor.update")).toBe("vendor.update");
    expect(action("denied.*")).toBe("denied.*");
    expect(action("dossier.contract.*")).toBe("dossier.contract.*");
    expect(action("test.write")).toBeUndefined();
    expect(action("nothing.*")).toBeUndefined();
    expect(action(".*")).toBeUndefined();
  });

  it("whatever filter it accepts, the export's audit event accepts too", () => {
    const filter = auditLogFilterSchema.parse({ vendor: "Harbour", actor: "sec", action: "vendor.*", from: "2026-02-28", to: "2026-03-31" });
    expect(filter.from).toBe("2026-02-28");
    expect(() => assertAuditEvent({ action: "auditlog.export", entityType: "audit_log", after: { format: "csv", filter } })).not.toThrow();
    // A day that does not exist is dropped by the filter, never passed on to the event.
    const dropped = auditLogFilterSchema.parse({ from: "2026-02-30" });
    expect(dropped.from).toBeUndefined();
    expect(() => assertAuditEvent({ action: "auditlog.export", entityType: "audit_log", after: { format: "csv", filter: dropped } })).not.toThrow();
  });

  it("offers every catalogued action once, grouped by its first segment", () => {
    const groups = auditActionGroups();
    expect(groups.flatMap((g) => g.actions.map((a) => a.value)).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(groups.find((g) => g.value === "denied.*")).toMatchObject({ label: "Denied attempts", actions: [{ value: "denied.permission" }, { value: "denied.upload" }] });
  });
});
