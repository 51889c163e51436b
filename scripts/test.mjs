// `npm test`: every tier in one go, ending with one line that adds them up:
//   static checks (typecheck, lint) → unit + integration (vitest) → end-to-end (Playwright).
// A tier that fails does not stop the others, so one run reports everything.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "assay-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const tiers = [];
/** What failed, by name, so the last lines of a CI log say which tests to look at. */
const failures = [];
const t0 = Date.now();

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

function record(tier, counts, seconds) {
  tiers.push({ tier, ...counts, seconds });
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

// The clients must exist before anything type-checks or imports them.
const gen = run("prepare: generate database clients", process.execPath, ["scripts/db/generate.mjs"]);
if (!gen.ok) record("prepare", { passed: 0, failed: 1, skipped: 0 }, gen.seconds);

for (const [label, cmd, args] of [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), [".", "--max-warnings=0"]],
]) {
  const r = run(label, cmd, args);
  record(label, { passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, skipped: 0 }, r.seconds);
}

for (const project of ["unit", "integration"]) {
  const out = path.join(reports, `${project}.json`);
  const r = run(project, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  record(project, vitestCounts(out, r.ok), r.seconds);
  failures.push(...vitestFailures(project, out));
}

{
  const out = path.join(reports, "e2e.json");
  const dataDir = path.join(root, "test-results", "e2e-data");
  fs.rmSync(dataDir, { recursive: true, force: true }); // each run starts from a fresh database
  const r = run("e2e (Playwright: Chromium specs, and the adversarial suite against its own next start)", bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  record("e2e", playwrightCounts(out, r.ok), r.seconds);
  failures.push(...playwrightFailures(out));
}

console.log("\n=== summary ===");
for (const t of tiers) {
  console.log(`${t.tier.padEnd(12)} ${String(t.passed).padStart(4)} passed ${String(t.failed).padStart(3)} failed ${String(t.skipped).padStart(3)} skipped  (${t.seconds.toFixed(1)}s)`);
}
if (failures.length > 0) {
  console.log(`failed tests (${failures.length}):`);
  for (const f of failures.slice(0, 30)) console.log(`  ${f}`);
}
console.log(`total time ${((Date.now() - t0) / 1000).toFixed(1)}s`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exitCode = totals.failed > 0 ? 1 : 0;

// A runner that crashed without writing its report counts as one failure, never as zero tests.
function vitestCounts(file, ok) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  const failed = j.numFailedTests + (ok || j.numFailedTests > 0 ? 0 : 1);
  return { passed: j.numPassedTests, failed, skipped: j.numPendingTests + j.numTodoTests };
}

function playwrightCounts(file, ok) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
  const failed = s.unexpected + (ok || s.unexpected > 0 ? 0 : 1);
  return { passed: s.expected + s.flaky, failed, skipped: s.skipped };
}

// A function declaration, not a const: the tiers above call it (through the failure collectors) before this line runs.
function firstLine(text) {
  return String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n").find((l) => l.trim())?.trim().slice(0, 200) ?? "";
}

function vitestFailures(tier, file) {
  if (!fs.existsSync(file)) return [];
  const out = [];
  for (const suite of JSON.parse(fs.readFileSync(file, "utf8")).testResults ?? []) {
    const where = path.relative(root, suite.name);
    const failed = (suite.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failed) out.push(`${tier} ${where} > ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    if (failed.length === 0 && suite.status === "failed") out.push(`${tier} ${where}: ${firstLine(suite.message)}`);
  }
  return out;
}

function playwrightFailures(file) {
  if (!fs.existsSync(file)) return [];
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== "unexpected") continue;
        const error = t.results?.at(-1)?.error?.message;
        out.push(`e2e [${t.projectName}] ${spec.file}:${spec.line} > ${[...titles, spec.title].join(" > ")}: ${firstLine(error)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.title && !suite.title.endsWith(".ts") ? [...titles, suite.title] : titles);
  };
  for (const suite of JSON.parse(fs.readFileSync(file, "utf8")).suites ?? []) walk(suite, []);
  return out;
}
