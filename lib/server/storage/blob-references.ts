import type { PrismaClient } from "../db";

/** Which of these blob keys a document row points at (one query; keys ≤ 500 for SQLite's parameter limit). */
export async function referencedKeys(client: PrismaClient, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await client.evidenceDocument.findMany({ where: { sha256: { in: keys } }, select: { sha256: true }, distinct: ["sha256"] });
  return new Set(rows.map((r) => r.sha256));
}

export async function isUnreferenced(client: PrismaClient, key: string): Promise<boolean> {
  return (await client.evidenceDocument.count({ where: { sha256: key } })) === 0;
}
