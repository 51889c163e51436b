// Only the native Prisma CLI reads this (studio, migrate status where the native
// engine exists). Assay's own scripts (scripts/db/*) do not need it, and
// `prisma generate` passes --schema explicitly. It points the CLI at the schema
// copy and migrations history of the provider that DATABASE_URL names.
import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL || `file:${path.resolve(process.env.ASSAY_DATA_DIR || "./data", "assay.db")}`;
const provider = url.startsWith("postgres") ? "postgresql" : "sqlite";

export default defineConfig({
  schema: provider === "sqlite" ? "prisma/schema.prisma" : `prisma/generated/${provider}/schema.prisma`,
  migrations: { path: `prisma/migrations/${provider}` },
  datasource: { url },
});
