// `npm start`: the one command that takes a fresh clone to a running Assay.
// generate client → migrate → seed demo data if empty → build if stale → serve.
// Every step is skipped quickly when there is nothing to do, so a second start
// on an unchanged tree goes straight to serving.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const started = Date.now();
const step = (msg) => console.log(`[assay ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

const port = process.env.PORT || "3000";
// Loopback by default: exposing Assay is a deliberate choice (HOST=0.0.0.0 behind TLS).
const host = process.env.HOST || "127.0.0.1";
process.env.ASSAY_DATA_DIR = path.resolve(root, process.env.ASSAY_DATA_DIR || "data");
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;

function run(cmd, args, extraEnv = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n${path.basename(cmd)} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

step("generating the database client (skipped when unchanged)");
run(process.execPath, ["scripts/db/generate.mjs"]);

step("applying database migrations");
run(process.execPath, ["scripts/db/migrate.mjs"]);

step("seeding demo data if the database is empty");
run(bin("tsx"), ["lib/cli/seed.ts", "--if-empty"]);

const buildStamp = path.join(root, ".next", "assay-build-stamp");
const sourceHash = hashSources();
const builtHash = fs.existsSync(buildStamp) ? fs.readFileSync(buildStamp, "utf8") : null;
if (builtHash !== sourceHash || !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  step(builtHash ? "sources changed since the last build; rebuilding" : "no build yet; building (a minute or two)");
  run(bin("next"), ["build"], { NODE_ENV: "production" });
  fs.writeFileSync(buildStamp, sourceHash);
} else {
  step("build is up to date");
}

const url = `http://${host === "127.0.0.1" ? "localhost" : host}:${port}`;
step(`serving Assay on ${url}`);
printDemoLogins();
const server = spawn(bin("next"), ["start", "-p", port, "-H", host], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

function printDemoLogins() {
  const file = path.join(process.env.ASSAY_DATA_DIR, "demo-logins.json");
  if (!fs.existsSync(file)) return;
  const logins = JSON.parse(fs.readFileSync(file, "utf8"));
  console.log(`\n  Open ${url} and sign in with a demo login (fictional data):`);
  for (const l of logins) console.log(`    ${l.role.padEnd(12)} ${l.email.padEnd(24)} ${l.password}`);
  console.log(`  Passwords are unique to this installation (kept in ${file}).\n`);
}

/** Content hash of everything that goes into `next build`. */
function hashSources() {
  const hash = crypto.createHash("sha256");
  const inputs = ["app", "components", "lib", "public", "proxy.ts", "next.config.js", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
  const skip = new Set(["node_modules", ".next", "generated"]);
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!skip.has(name)) walk(path.join(p, name));
    } else {
      hash.update(path.relative(root, p)).update("\0").update(fs.readFileSync(p)).update("\0");
    }
  };
  for (const input of inputs) walk(path.join(root, input));
  return hash.digest("hex");
}
