// The per-token request budget of the REST API, counted in the RateLimit table
// so every instance shares it (lib/server/api/README.md). One statement a
// request: an upsert that starts a new one-minute window when the last one has
// expired and otherwise adds one, returning the count. (rate-limiter-flexible's
// Prisma store spends two writes a request, a delete of the expired window and
// an upsert, and on SQLite every write is a commit the one thread waits for.)
// Same rows as that store (key "api:token:<id>", the window's end in `expire`),
// swept by the same hourly clean-up (sign-in-limits.ts).
import { Prisma, db } from "../db";

const WINDOW_MS = 60_000;

export type BudgetAnswer = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function spendTokenRequest(tokenId: string, perMinute: number, now = new Date()): Promise<BudgetAnswer> {
  const key = `api:token:${tokenId}`;
  const windowEnd = new Date(now.getTime() + WINDOW_MS);
  // SET reads the row as it was before the update, on both providers.
  const expired = Prisma.sql`("RateLimit"."expire" IS NULL OR "RateLimit"."expire" <= ${now})`;
  const [row] = await db().$queryRaw<{ points: number | bigint; expire: Date | string }[]>`
    INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (${key}, 1, ${windowEnd})
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN ${expired} THEN 1 ELSE "RateLimit"."points" + 1 END,
      "expire" = CASE WHEN ${expired} THEN ${windowEnd} ELSE "RateLimit"."expire" END
    RETURNING "points", "expire"`;
  if (Number(row!.points) <= perMinute) return { allowed: true };
  const msLeft = new Date(row!.expire).getTime() - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
}
