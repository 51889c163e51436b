import { beforeAll, expect, it } from "vitest";
import type { Role } from "@/lib/domain/accounts/roles";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/schemas/settings";
import { getSettingsForEdit, loadSettings, updateSettings } from "@/lib/server/services/settings";
import { makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

function edited(patch: (s: Settings) => void, from: Settings = DEFAULT_SETTINGS): Settings {
  const s = structuredClone(from);
  patch(s);
  return s;
}

forEachProvider("settings service", (t) => {
  let admin: Awaited<ReturnType<typeof makeActor>>;
  beforeAll(async () => {
    admin = await makeActor("admin");
  });

  it("the first save creates the settings row from version 0, audited with the settings before and after", async () => {
    expect(await getSettingsForEdit({ actor: admin })).toEqual({ settings: DEFAULT_SETTINGS, version: 0 });
    const next = edited((s) => void (s.scoring.caps.blocker = 45));
    const saved = await updateSettings({ actor: admin, input: { version: 0, settings: next } });
    expect(saved.version).toBe(1);
    expect((await loadSettings()).scoring.caps.blocker).toBe(45);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "settings.update" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: admin.id, entityType: "settings", entityId: "1" });
    expect((event.before as Settings).scoring.caps.blocker).toBe(DEFAULT_SETTINGS.scoring.caps.blocker);
    expect((event.after as Settings).scoring.caps.blocker).toBe(45);
  });

  it("a save from a stale version is refused and changes nothing (optimistic lock)", async () => {
    const { settings, version } = await getSettingsForEdit({ actor: admin });
    await updateSettings({ actor: admin, input: { version, settings: edited((s) => void (s.scoring.bands.low = 85), settings) } });
    const events = await t.db.auditEvent.count({ where: { action: "settings.update" } });
    await expect(
      updateSettings({ actor: admin, input: { version, settings: edited((s) => void (s.scoring.bands.low = 82), settings) } }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/changed by someone else/) });
    expect((await loadSettings()).scoring.bands.low).toBe(85);
    expect(await t.db.auditEvent.count({ where: { action: "settings.update" } })).toBe(events);
  });

  it("two concurrent saves from the same version: exactly one wins", async () => {
    const { settings, version } = await getSettingsForEdit({ actor: admin });
    const results = await Promise.allSettled([
      updateSettings({ actor: admin, input: { version, settings: edited((s) => void (s.kpis.phishingHighPct = 16), settings) } }),
      updateSettings({ actor: admin, input: { version, settings: edited((s) => void (s.kpis.phishingHighPct = 17), settings) } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT"]);
    expect((await getSettingsForEdit({ actor: admin })).version).toBe(version + 1);
  });

  it("invalid settings come back as field errors keyed by path, nothing saved", async () => {
    const { settings, version } = await getSettingsForEdit({ actor: admin });
    const bad = edited((s) => {
      s.scoring.weights.assurance = 30;
    }, settings);
    const error = await updateSettings({ actor: admin, input: { version, settings: bad } }).catch((e) => e);
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors["settings.scoring.weights"]).toBe("The weights must add up to 100; they add up to 105.");
    const overlapping = edited((s) => void (s.scoring.bands = { low: 60, medium: 60, high: 40 }), settings);
    const error2 = await updateSettings({ actor: admin, input: { version, settings: overlapping } }).catch((e) => e);
    expect(error2.fieldErrors["settings.scoring.bands.medium"]).toMatch(/bands cannot overlap/);
    expect((await getSettingsForEdit({ actor: admin })).version).toBe(version);
  });

  it("only an admin may change the settings", async () => {
    const { settings, version } = await getSettingsForEdit({ actor: admin });
    for (const role of ["procurement", "legal", "security", "viewer"] satisfies Role[]) {
      const actor = await makeActor(role);
      await expect(updateSettings({ actor, input: { version, settings } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getSettingsForEdit({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await getSettingsForEdit({ actor: admin })).version).toBe(version);
  });
});
