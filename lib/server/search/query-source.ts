import type { SearchGroup, SearchHit } from "@/lib/schemas/views/search";
import { databaseProvider, databaseUrl, type PrismaClient } from "../db";
import { fts5PrefixQuery, tsqueryPrefixQuery } from "./match-expressions";
import type { SearchSource } from "./sources";

/**
 * How far a group counts: beyond this it shows as "500+". A word such as
 * "report" matches most evidence documents, and counting them all would make
 * every search slower as the portfolio grows.
 */
export const SEARCH_COUNT_CAP = 500;

/**
 * How many of the first matches are ranked for the page shown: the best ten
 * of an overview come from the first 100 matches, a page of one kind from the
 * first 500 (so one kind pages through at most SEARCH_COUNT_CAP hits). Ranking
 * every match would grow with the portfolio too (scripts/bench/search.ts
 * measures it at 10,000 vendors).
 */
export function rankedCandidates(offset: number, limit: number): number {
  return Math.min(SEARCH_COUNT_CAP, Math.max(100, offset + limit));
}

type Row = { id: string; vendorId: string; vendorName: string; title: string | null; detail: string | null };

/** One group of hits: `limit` of them from `offset`, best first, and the count (capped). */
export async function querySource(
  client: PrismaClient,
  source: SearchSource,
  terms: readonly string[],
  { limit, offset }: { limit: number; offset: number },
): Promise<SearchGroup> {
  const run = databaseProvider(databaseUrl()) === "postgresql" ? queryPostgres : querySqlite;
  const { rows, matched } = await run(client, source, terms, limit, offset);
  const hits: SearchHit[] = rows.map((row) => ({
    kind: source.kind,
    id: row.id,
    vendorId: row.vendorId,
    vendorName: row.vendorName,
    title: row.title ?? "",
    detail: row.detail,
  }));
  return { kind: source.kind, total: Math.min(matched, SEARCH_COUNT_CAP), capped: matched > SEARCH_COUNT_CAP, hits };
}

// The match is a bound parameter; table and column names come from SEARCH_SOURCES, never from input.
async function querySqlite(client: PrismaClient, source: SearchSource, terms: readonly string[], limit: number, offset: number) {
  const match = fts5PrefixQuery(terms);
  const fts = `"${source.ftsTable}"`;
  const [rows, counted] = await Promise.all([
    client.$queryRawUnsafe<Row[]>(
      `SELECT ${source.columns}
       FROM (SELECT rowid AS rid, rank AS score FROM ${fts} WHERE ${fts} MATCH ? LIMIT ${rankedCandidates(offset, limit)}) m
       JOIN "${source.table}" r ON r.rowid = m.rid ${source.vendorJoin}
       ORDER BY m.score, r."id" LIMIT ? OFFSET ?`,
      match,
      limit,
      offset,
    ),
    client.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ? LIMIT ${SEARCH_COUNT_CAP + 1})`,
      match,
    ),
  ]);
  return { rows, matched: Number(counted[0]?.n ?? 0) };
}

async function queryPostgres(client: PrismaClient, source: SearchSource, terms: readonly string[], limit: number, offset: number) {
  const query = tsqueryPrefixQuery(terms);
  const [rows, counted] = await Promise.all([
    client.$queryRawUnsafe<Row[]>(
      `SELECT ${source.columns}
       FROM (SELECT "id" AS rid, ts_rank(${source.tsvector}, q) AS score
             FROM "${source.table}", to_tsquery('simple'::regconfig, $1) q
             WHERE ${source.tsvector} @@ q LIMIT ${rankedCandidates(offset, limit)}) m
       JOIN "${source.table}" r ON r."id" = m.rid ${source.vendorJoin}
       ORDER BY m.score DESC, r."id" LIMIT $2 OFFSET $3`,
      query,
      limit,
      offset,
    ),
    client.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "${source.table}" WHERE ${source.tsvector} @@ to_tsquery('simple'::regconfig, $1) LIMIT ${SEARCH_COUNT_CAP + 1}) c`,
      query,
    ),
  ]);
  return { rows, matched: Number(counted[0]?.n ?? 0) };
}
