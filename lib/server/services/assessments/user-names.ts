import type { Tx } from "../../db";

/** Names (and emails) of the users with these ids, in one query, for the pages and the report. */
export async function namesOf(client: Tx, ids: readonly (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const users = wanted.length === 0 ? [] : await client.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, u]));
}
