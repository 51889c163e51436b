// Child process used by the chain tests: one "app instance" appending audit
// events through the app's own recordAudit, against DATABASE_URL.
import { recordAudit } from "@/lib/server/audit";
import { db, disconnectDb } from "@/lib/server/db";

async function main() {
  const [label = "instance", count = "25"] = process.argv.slice(2);
  for (let i = 0; i < Number(count); i++) {
    await db().$transaction((tx) =>
      recordAudit(tx, null, { action: "auth.sign_in_locked", entityType: "user", entityId: `${label}-${i}`, after: { email: `${label}-${i}@example.test`, ip: null, userAgent: null } }),
    );
  }
  await disconnectDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
