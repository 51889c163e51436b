// `npm run schema:dossier`: regenerates docs/dossier.schema.json from the zod
// schemas (lib/schemas/dossier-json-schema.ts explains the choices). Commit the
// result; tests/unit/dossier-json-schema.test.ts fails while it is stale.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dossierJsonSchemaText } from "@/lib/schemas/dossier-json-schema";

export const DOSSIER_SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/dossier.schema.json");

writeFileSync(DOSSIER_SCHEMA_FILE, dossierJsonSchemaText(), "utf8");
console.log(`wrote ${path.relative(process.cwd(), DOSSIER_SCHEMA_FILE)}`);
