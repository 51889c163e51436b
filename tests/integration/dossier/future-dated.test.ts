import { beforeAll, expect, it } from "vitest";
import type { AnyRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import { addMonthsToDay, formatIsoDay } from "@/lib/domain/dates";
import { listRecords } from "@/lib/server/dossier/record-store";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { createVendor } from "@/lib/server/services/vendors";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor, soc2Report, validVendor } from "../helpers/fixtures";

// Evidence dated in the future is refused on save with an error next to the
// field (lib/domain/assurance/future-dated.ts), and nothing is written.

const NOW = new Date("2026-11-22T12:00:00Z");
const day = (months: number) => addMonthsToDay(formatIsoDay(NOW), months);

forEachProvider("future-dated evidence", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
  });

  it.each<[string, string, Record<string, unknown>, string, RegExp]>([
    ["a SOC 2 period ending after today", "soc2", { ...soc2Report(0), periodStart: day(-6), periodEnd: day(6), issueDate: day(7) }, "periodEnd", /cannot end after today/],
    ["an ISO certificate issued after today", "iso", { certificateNumber: "IS 123", certificationBody: "BSI", accredited: true, standardVersion: "2022", issueDate: day(1), expiryDate: day(37), scopeText: "Contact centre operations", coveredSiteIds: [] }, "issueDate", /issued after today/],
    ["a penetration test dated in the future", "pentest", { performedOn: day(1), scope: "Agent VDI", openCriticalHigh: 0 }, "performedOn", /after today/],
  ])("%s is refused with a field error", async (_name, kind, data, field, message) => {
    const security = await makeActor("security");
    const procurement = await makeActor("procurement");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: `Future ${kind} Ltd` } });
    const error = await saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind, data }, now: NOW }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { [field]: expect.stringMatching(message) } });
    expect(await listRecords(t.db, vendor.id, [kind as AnyRecordKindKey])).toEqual([]);
    // The same record dated today is accepted.
    const today = { ...data, [field]: formatIsoDay(NOW), ...(kind === "soc2" ? { issueDate: formatIsoDay(NOW) } : {}) };
    await expect(saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind, data: today }, now: NOW })).resolves.toMatchObject({ version: 1 });
  });
});
