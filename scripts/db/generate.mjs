#!/usr/bin/env node
// `npm run db:generate`: derives the PostgreSQL schema from the one SQLite
// source and generates a Prisma client per provider, offline. Skips a
// provider whose stamp (schema, Prisma versions, this derivation) matches.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import {
  PROVIDERS,
  clientDirFor,
  repoRoot,
  schemaFor,
  schemaPathFor,
  sourceSchemaPath,
} from "./providers.mjs";

const require = createRequire(import.meta.url);
const STAMP = ".assay-generate-stamp";

function prismaVersions() {
  return ["prisma/package.json", "@prisma/client/package.json"]
    .map((pkg) => `${pkg}@${require(pkg).version}`)
    .join(" ");
}

/** @param {"sqlite" | "postgresql"} provider @param {string} schema */
function stampFor(provider, schema) {
  return createHash("sha256")
    .update(`${provider}\n${prismaVersions()}\n${schema}\n`)
    // A change in how the copy is derived must regenerate too.
    .update(fs.readFileSync(new URL("./providers.mjs", import.meta.url)))
    .digest("hex");
}

/** @param {string} file @param {string} content */
function writeIfChanged(file, content) {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === content) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function offlineEnv() {
  return {
    ...process.env,
    // generate only checks that this file exists; without it, Prisma tries to
    // download the native engine, which fails offline.
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
    PRISMA_TELEMETRY_INFORMATION: "",
  };
}

/** @param {string} schemaPath */
function runPrismaGenerate(schemaPath) {
  const cli = require.resolve("prisma/build/index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cli, "generate", "--schema", path.relative(repoRoot, schemaPath), "--no-hints"],
      { cwd: repoRoot, env: offlineEnv(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma generate --schema ${schemaPath} exited ${code}\n${output}`)),
    );
  });
}

async function main() {
  const started = performance.now();
  const force = process.argv.includes("--force");
  const source = fs.readFileSync(sourceSchemaPath, "utf8");

  const pending = [];
  for (const provider of PROVIDERS) {
    const schema = schemaFor(provider, source);
    const schemaPath = schemaPathFor(provider);
    if (schemaPath !== sourceSchemaPath) writeIfChanged(schemaPath, schema);

    const stampPath = path.join(clientDirFor(provider), STAMP);
    const stamp = stampFor(provider, schema);
    const upToDate =
      !force &&
      fs.existsSync(path.join(clientDirFor(provider), "client.ts")) &&
      fs.existsSync(stampPath) &&
      fs.readFileSync(stampPath, "utf8") === stamp;
    if (upToDate) continue;

    pending.push(
      runPrismaGenerate(schemaPath).then(() => {
        fs.writeFileSync(stampPath, stamp);
        return provider;
      }),
    );
  }

  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  if (pending.length === 0) {
    console.log(`db:generate: clients up to date (${elapsed()})`);
    return;
  }
  const generated = await Promise.all(pending);
  for (const provider of generated) {
    console.log(`db:generate: ${provider} client -> ${path.relative(repoRoot, clientDirFor(provider))}`);
  }
  console.log(`db:generate: done (${elapsed()})`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
