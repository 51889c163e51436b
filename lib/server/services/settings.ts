import { db, type Tx } from "../db";
import { resolveSettings, type Settings } from "@/lib/schemas/settings";

/** The organisation's settings row, with defaults filled in for missing keys. */
export async function loadSettings(client: Tx = db()): Promise<Settings> {
  const row = await client.orgSettings.findUnique({ where: { id: 1 } });
  return resolveSettings(row?.settings ?? {});
}
