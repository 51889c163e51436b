import type { PrismaClient } from "../db";

// A blob is in use while an evidence document or a finished bulk export
// (PackJob.sha256: its archive lives in the same store) points at it.

/** Which of these blob keys a document row or finished export points at (keys ≤ 500 for SQLite's parameter limit). */
export async function referencedKeys(client: PrismaClient, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const [documents, archives] = await Promise.all([
    client.evidenceDocument.findMany({ where: { sha256: { in: keys } }, select: { sha256: true }, distinct: ["sha256"] }),
    client.packJob.findMany({ where: { sha256: { in: keys }, status: "done" }, select: { sha256: true } }),
  ]);
  return new Set([...documents.map((r) => r.sha256), ...archives.flatMap((r) => (r.sha256 ? [r.sha256] : []))]);
}

export async function isUnreferenced(client: PrismaClient, key: string): Promise<boolean> {
  const [documents, archives] = await Promise.all([client.evidenceDocument.count({ where: { sha256: key } }), client.packJob.count({ where: { sha256: key, status: "done" } })]);
  return documents + archives === 0;
}
