import type { Actor } from "@/lib/server/actor";
import type { Role } from "@/lib/domain/accounts/roles";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";

let counter = 0;

/** A real user row plus the Actor a service call would carry for it. */
export async function makeActor(role: Role, password = "integration-password-1"): Promise<Actor & { password: string }> {
  counter += 1;
  const email = `${role}-${counter}-${Date.now()}@example.test`;
  const user = await db().user.create({
    data: { email, name: `${role} ${counter}`, role, passwordHash: await hashPassword(password) },
  });
  return { id: user.id, email, name: user.name, role, ip: "127.0.0.1", userAgent: "vitest", password };
}

export async function ensureSettings() {
  await db().orgSettings.upsert({ where: { id: 1 }, create: { id: 1, settings: DEFAULT_SETTINGS }, update: {} });
}

export const validVendor = {
  name: "Harbour Contact Ltd",
  legalName: "Harbour Contact Limited",
  website: "https://harbour.example",
  country: "PH",
  services: ["chat", "email"],
  industries: ["fintech"],
  dataCategories: ["contact_pii", "payment_card"],
  accessLevel: "trigger_resets",
  status: "prospective",
  ownerId: "",
};

/** First day of the month `monthsAgo` months before now, as YYYY-MM-DD. */
export function firstOfMonthAgo(monthsAgo: number, now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 10);
}

/** A clean SOC 2 Type II report whose audit period ended `endedMonthsAgo` months ago. */
export function soc2Report(endedMonthsAgo: number) {
  return {
    type: "type2",
    periodStart: firstOfMonthAgo(endedMonthsAgo + 12),
    periodEnd: firstOfMonthAgo(endedMonthsAgo),
    issueDate: firstOfMonthAgo(endedMonthsAgo - 1),
    auditor: "Example Assurance LLP",
    opinion: "unqualified",
    exceptionCount: 0,
    carvedOutSubservices: [],
  };
}
