// The Dockerfile and compose.yaml, checked where no Docker engine runs (here,
// most CI runners): parsed and held to the rules the README promises. Where
// `docker info` answers, the image is also built.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = path.resolve(__dirname, "../../..");
const dockerfile = fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
/** Instructions with continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"))
  .map((l) => ({ op: l.split(/\s+/)[0]!.toUpperCase(), args: l.slice(l.indexOf(" ") + 1).trim() }));
const finalStage = instructions.slice(instructions.map((i) => i.op).lastIndexOf("FROM"));
const compose = parse(fs.readFileSync(path.join(ROOT, "compose.yaml"), "utf8"));
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE|_KEY\b|KEY_PEM/i;

describe("Dockerfile", () => {
  it("runs as a non-root user in the final stage, set before the command", () => {
    const users = finalStage.filter((i) => i.op === "USER").map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const ops = finalStage.map((i) => i.op);
    expect(ops.lastIndexOf("USER")).toBeLessThan(ops.lastIndexOf("CMD"));
  });

  it("checks health on /api/health and stops with SIGTERM sent to node itself, not npm", () => {
    const healthcheck = finalStage.find((i) => i.op === "HEALTHCHECK");
    expect(healthcheck?.args).toContain("/api/health");
    const cmd = finalStage.filter((i) => i.op === "CMD").at(-1)!;
    expect(JSON.parse(cmd.args)).toEqual(["node", "scripts/start.mjs"]);
  });

  it("bakes in no secret and installs only from Debian and npm", () => {
    for (const { op, args } of instructions.filter((i) => i.op === "ENV" || i.op === "ARG")) {
      for (const name of args.match(/[A-Z_][A-Z0-9_]*(?==)/g) ?? []) expect(SECRET_NAME.test(name), `${op} ${name}`).toBe(false);
    }
    for (const { args } of instructions.filter((i) => i.op === "FROM")) expect(args).toMatch(/^node:20-bookworm-slim\b/);
    for (const { args } of instructions.filter((i) => i.op === "RUN")) {
      expect(args).not.toMatch(/\b(curl|wget)\b|https?:\/\//);
    }
    expect(instructions.some((i) => i.op === "ADD")).toBe(false);
  });

  it("keeps data, databases, secrets and dependencies out of the build context", () => {
    const ignored = fs.readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n");
    for (const entry of ["data", ".env", "node_modules", "*.db", ".git"]) expect(ignored).toContain(entry);
  });
});

describe("compose.yaml", () => {
  it("runs the app on PostgreSQL, started only once the database is healthy", () => {
    const { app, db } = compose.services;
    expect(db.image).toMatch(/^postgres:15/);
    expect(db.healthcheck.test.join(" ")).toContain("pg_isready");
    expect(app.depends_on.db.condition).toBe("service_healthy");
    expect(app.environment.DATABASE_URL).toMatch(/^postgresql:\/\/assay:\$\{POSTGRES_PASSWORD[^}]*\}@db:5432\/assay$/);
  });

  it("takes every secret from the environment, never a literal", () => {
    for (const service of Object.values(compose.services) as { environment?: Record<string, string> }[]) {
      for (const [name, value] of Object.entries(service.environment ?? {})) {
        if (SECRET_NAME.test(name)) expect(value, name).toMatch(/^\$\{[A-Z_]+:\?[^}]+\}$/);
      }
    }
  });

  it("publishes on loopback only, keeps data in volumes, and gives shutdown more time than the app's grace period", () => {
    const { app, db } = compose.services;
    expect(app.ports).toEqual(["127.0.0.1:3000:3000"]);
    expect(db.ports).toBeUndefined();
    expect(app.volumes).toContain("assay-data:/data");
    const graceSeconds = Number(/ASSAY_SHUTDOWN_GRACE_MS=(\d+)/.exec(dockerfile)![1]) / 1000;
    expect(Number.parseInt(app.stop_grace_period, 10)).toBeGreaterThan(graceSeconds);
  });
});

const docker = spawnSync("docker", ["info"], { stdio: "ignore", timeout: 10_000 });
describe.runIf(docker.status === 0)("image build (only where a Docker engine answers)", () => {
  it("builds", () => {
    const build = spawnSync("docker", ["build", "-t", "assay:test", ROOT], { encoding: "utf8", timeout: 1_800_000 });
    expect(build.status, build.stderr).toBe(0);
  }, 1_800_000);
});
