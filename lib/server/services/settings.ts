import { z } from "zod";
import { resolveSettings, settingsSchema, type Settings } from "@/lib/schemas/settings";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db, Prisma, type Tx } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";

/** The organisation's settings row, with defaults filled in for missing keys. */
export async function loadSettings(client: Tx = db()): Promise<Settings> {
  const row = await client.orgSettings.findUnique({ where: { id: 1 } });
  return resolveSettings(row?.settings ?? {});
}

/**
 * The settings with their version for the edit form. Version 0 means no row
 * exists yet (the defaults are in force); the first save creates it.
 */
export async function getSettingsForEdit({ actor }: { actor: Actor }): Promise<{ settings: Settings; version: number }> {
  requirePermission(actor, "settings.read");
  const row = await db().orgSettings.findUnique({ where: { id: 1 } });
  return { settings: resolveSettings(row?.settings ?? {}), version: row?.version ?? 0 };
}

function staleSettings(): AppError {
  return new AppError(
    "CONFLICT",
    "The settings were changed by someone else while you were editing. Reload to see their changes, then apply yours again.",
  );
}

export const updateSettingsSchema = z.object({
  /** The version the admin started editing from (optimistic lock). */
  version: z.number().int().nonnegative(),
  settings: settingsSchema,
});

/**
 * Replaces the organisation's settings (weights, caps, bands, thresholds).
 * Refused when someone saved in between (version moved on); the audit event
 * holds the whole settings before and after, so any past score can be
 * explained with the settings in force at the time.
 */
export async function updateSettings({ actor, input }: { actor: Actor; input: unknown }, tx?: Tx): Promise<{ settings: Settings; version: number }> {
  requirePermission(actor, "settings.manage");
  const { version, settings } = parseInput(updateSettingsSchema, input);
  const run = async (t: Tx) => {
    const row = await t.orgSettings.findUnique({ where: { id: 1 } });
    const before = resolveSettings(row?.settings ?? {});
    if (!row) {
      if (version !== 0) throw staleSettings();
      await t.orgSettings.create({ data: { id: 1, settings, version: 1 } });
    } else {
      const { count } = await t.orgSettings.updateMany({ where: { id: 1, version }, data: { settings, version: { increment: 1 } } });
      if (count === 0) throw staleSettings();
    }
    await recordAudit(t, actor, { action: "settings.update", entityType: "settings", entityId: "1", before, after: settings });
    return { settings, version: version + 1 };
  };
  try {
    return tx ? await run(tx) : await db().$transaction(run);
  } catch (error) {
    // Two first saves racing: the loser's create hits the primary key.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw staleSettings();
    throw error;
  }
}
