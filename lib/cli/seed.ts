// `npm run db:seed [-- --force] [-- --if-empty]`: demo users (one per role) and
// fictional BPO vendors. Demo passwords are random per installation (a demo
// that leaks must not open with a published password) and kept in
// <data dir>/demo-logins.json (mode 0600) so `npm start` can print them again.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import path from "node:path";
import { ROLES, type Role } from "@/lib/domain/accounts/roles";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { SYSTEM_ACTOR } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { dataDir } from "@/lib/server/data-dir";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { importDossier } from "@/lib/server/services/import-dossier";
import { evidenceStore } from "@/lib/server/storage/evidence-store";
import { demoDossiers, demoEvidenceText } from "@/prisma/seed/demo-dossiers";
import { createDemoContractDocuments, demoLegalActor, seedDemoLegalReviews, storeDemoContractFiles } from "./seed-legal";
import { seedExpiredRiskAcceptance } from "./seed-risk-acceptance";

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  name: string;
}

const DEMO_NAMES: Record<Role, string> = {
  admin: "Ada Admin",
  procurement: "Priya Procurement",
  legal: "Lena Legal",
  security: "Sam Security",
  viewer: "Victor Viewer",
};

export function demoLoginsFile(): string {
  return path.join(dataDir(), "demo-logins.json");
}

export function readDemoLogins(): DemoLogin[] | null {
  try {
    return JSON.parse(fs.readFileSync(demoLoginsFile(), "utf8")) as DemoLogin[];
  } catch {
    return null;
  }
}

function demoLogins(): DemoLogin[] {
  const existing = readDemoLogins();
  if (existing) return existing;
  const fixed = process.env.ASSAY_DEMO_PASSWORD; // lets CI and tests pin a known password
  const logins = ROLES.map((role) => ({
    role,
    email: `${role}@assay.demo`,
    name: DEMO_NAMES[role],
    password: fixed || `${role}-${randomBytes(9).toString("base64url")}`,
  }));
  fs.writeFileSync(demoLoginsFile(), JSON.stringify(logins, null, 2), { mode: 0o600 });
  return logins;
}

export type SeedOutcome = "seeded" | "already-seeded" | "refused-real-data" | "skipped-not-empty";

export async function seedDemoData({ force = false, ifEmpty = false, now = new Date() } = {}): Promise<SeedOutcome> {
  const client = db();
  // Reference data every installation needs, demo or not.
  await client.$transaction((tx) => ensureControlCatalogue(tx));
  const realUsers = await client.user.count({ where: { isDemo: false } });
  const realVendors = await client.vendor.count({ where: { isDemo: false } });
  if (realUsers + realVendors > 0 && !force) return ifEmpty ? "skipped-not-empty" : "refused-real-data";
  if ((await client.user.count({ where: { isDemo: true } })) > 0 && (await client.vendor.count({ where: { isDemo: true } })) > 0) {
    return "already-seeded";
  }

  const logins = demoLogins();
  const hashes = await Promise.all(logins.map((l) => hashPassword(l.password)));
  const dossiers = demoDossiers(now);
  // Evidence bytes go to the store first (content-addressed, so re-running is harmless).
  const store = evidenceStore();
  for (const doc of dossiers.flatMap((d) => d.documents)) {
    await store.put(Readable.from([Buffer.from(demoEvidenceText(doc), "utf8")]), { maxBytes: 1024 * 1024 });
  }
  const contractFiles = await storeDemoContractFiles(store);
  await client.$transaction(
    async (tx) => {
      await tx.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, settings: DEFAULT_SETTINGS }, update: {} });
      const users = new Map<string, string>();
      for (const [i, login] of logins.entries()) {
        const user = await tx.user.upsert({
          where: { email: login.email },
          create: { email: login.email, name: login.name, role: login.role, passwordHash: hashes[i]!, isDemo: true },
          update: {},
        });
        users.set(login.email, user.id);
      }
      const security = users.get("security@assay.demo")!;
      for (const dossier of dossiers) {
        if (await tx.vendor.findFirst({ where: { name: dossier.profile.name, isDemo: true } })) continue;
        const ownerId = users.get(dossier.profile.ownerEmail ?? "procurement@assay.demo") ?? null;
        await importDossier(tx, SYSTEM_ACTOR, dossier, { isDemo: true, uploadedById: security, ownerId });
      }
      // Legal's part: contract files for the clause finder, sign-offs, one of them outdated since.
      const legal = await demoLegalActor(tx);
      if (legal) {
        await createDemoContractDocuments(tx, contractFiles, legal, now);
        await seedDemoLegalReviews(tx, legal);
      }
      await seedExpiredRiskAcceptance(tx, now);
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "seed.demo_data",
        entityType: "system",
        after: { users: logins.map((l) => l.email), vendors: dossiers.length },
      });
    },
    { timeout: 120_000 },
  );
  return "seeded";
}

export function printDemoLogins(logins: DemoLogin[] | null = readDemoLogins()): void {
  if (!logins) return;
  console.log("\nDemo logins (fictional data; passwords are unique to this installation):");
  for (const l of logins) console.log(`  ${l.role.padEnd(12)} ${l.email.padEnd(24)} ${l.password}`);
  console.log(`  (stored in ${demoLoginsFile()})\n`);
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const outcome = await seedDemoData({ force: args.has("--force"), ifEmpty: args.has("--if-empty") });
  const messages: Record<SeedOutcome, string> = {
    seeded: "Demo data created.",
    "already-seeded": "Demo data already present; nothing to do.",
    "skipped-not-empty": "Database holds real data; demo data not added.",
    "refused-real-data": "Refusing to seed: the database already holds non-demo users or vendors. Re-run with --force to add demo data anyway.",
  };
  console.log(messages[outcome]);
  // npm start prints the logins itself next to the URL.
  if (!args.has("--if-empty")) printDemoLogins();
  await db().$disconnect();
  if (outcome === "refused-real-data") process.exitCode = 1;
}

if (process.argv[1] && /seed\.(ts|js|mjs)$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
