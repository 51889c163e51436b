// `npm run bench api`: the REST API's vendor list under 20 concurrent clients,
// in process (the route handler as `next start` runs it, without HTTP), at
// 10,000 vendors on SQLite. Quicker than `bench http`, which measures the same
// list over HTTP; its p95 here is the server's share of that figure: what each
// request costs the one thread (token check, request budget, the list's queries).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { db } from "@/lib/server/db";
import { hashApiSecret } from "@/lib/server/services/api-tokens";
import { GET as listRoute } from "@/app/api/v1/vendors/route";
import { seedPortfolio } from "./seed-portfolio";
import { line, ms, percentile, underConcurrency } from "./stats";

const VENDORS = Number(process.env.BENCH_VENDORS || 10_000);
const CLIENTS = 20;
const REQUESTS = 400;

export async function benchApi(now: Date) {
  console.log(`\n## REST API list, in process, ${VENDORS.toLocaleString("en")} vendors, SQLite`);
  const client = db();
  const owner = await client.user.create({ data: { email: "bench-api@assay.local", name: "Bench Admin", role: "admin", passwordHash: "x" } });
  await seedPortfolio({ count: VENDORS, docsPerVendor: 30, now, owner });
  const secret = `assay_${randomBytes(32).toString("base64url")}`;
  await client.apiToken.create({ data: { name: "bench", role: "viewer", prefix: secret.slice(0, 12), tokenHash: hashApiSecret(secret), createdById: owner.id } });
  process.env.ASSAY_API_REQUESTS_PER_MINUTE = "1000000"; // counted on every request, never reached
  const url = "http://127.0.0.1/api/v1/vendors?limit=50&tier=critical";
  const request = () => new Request(url, { headers: { authorization: `Bearer ${secret}` } });
  for (let i = 0; i < 20; i++) await (await listRoute(request())).arrayBuffer(); // warm
  const { samples, errors, perSecond } = await underConcurrency(CLIENTS, REQUESTS, async () => {
    const res = await listRoute(request());
    await res.arrayBuffer();
    return res.status === 200;
  });
  const load = os.loadavg().map((n) => n.toFixed(2)).join(" / ");
  line(`GET /api/v1/vendors?limit=50&tier=critical c=${CLIENTS}`, `median ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, ${perSecond.toFixed(0)} req/s, errors ${errors}  (load ${load})`);
}
