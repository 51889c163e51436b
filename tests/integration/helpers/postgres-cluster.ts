// A throwaway PostgreSQL cluster for tests and for authoring migrations, so
// neither needs a server set up by hand. It lives in a temp dir, listens on
// 127.0.0.1 only, trusts local connections, and is deleted on stop.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PostgresCluster {
  /** Superuser URL of the `postgres` database; CREATE DATABASE works on it. */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  stop(): Promise<void>;
}

export type PostgresBinaries = { binDir: string } | { missing: string };

/**
 * PG_BIN wins, even when wrong, so a run can hide PostgreSQL on purpose
 * (PG_BIN=none). Then `pg_config --bindir`, which on Debian may name a
 * client-only dir, then the Debian server dirs, newest first.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const hasServer = (dir: string) =>
    fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"));

  const fromEnv = process.env.PG_BIN;
  if (fromEnv !== undefined && fromEnv !== "") {
    return hasServer(fromEnv) ? { binDir: fromEnv } : { missing: `PG_BIN=${fromEnv} has no initdb/pg_ctl` };
  }
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    // pg_config is optional; fall through to the well-known dirs.
  }
  const debianRoot = "/usr/lib/postgresql";
  if (fs.existsSync(debianRoot)) {
    const versions = fs
      .readdirSync(debianRoot)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debianRoot, version, "bin")));
  }
  const binDir = candidates.find(hasServer);
  return binDir
    ? { binDir }
    : { missing: "no PostgreSQL server binaries (initdb, pg_ctl) found; set PG_BIN or TEST_DATABASE_URL" };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** initdb refuses to run as root, so root runs the server tools as `postgres`. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error("running as root, but there is no `postgres` user to run initdb as");
  }
}

function runServerTool(binDir: string, tool: string, args: string[], asUser: boolean, cwd: string) {
  const file = path.join(binDir, tool);
  const [command, commandArgs] = asUser ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  const result = spawnSync(command, commandArgs, { cwd, encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.join(" ")} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error}`);
  }
}

export async function startPostgresCluster(binDir: string): Promise<PostgresCluster> {
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assay-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  if (user) fs.chownSync(dir, user.uid, user.gid);

  let running = false;
  const stopSync = () => {
    if (running) {
      running = false;
      spawnSync(...pgCtl(["-D", dataDir, "-m", "immediate", "-w", "stop"]), { cwd: dir, timeout: 30_000 });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const pgCtl = (args: string[]): [string, string[]] => {
    const file = path.join(binDir, "pg_ctl");
    return user ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  };
  // A crashed or interrupted run must not leave a server behind.
  const onExit = () => stopSync();
  process.once("exit", onExit);

  try {
    runServerTool(
      binDir,
      "initdb",
      ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
      Boolean(user),
      dir,
    );
    fs.writeFileSync(
      path.join(dataDir, "pg_hba.conf"),
      "local all all trust\nhost all all 127.0.0.1/32 trust\n",
    );

    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      // Durability is pointless for a cluster that is deleted at the end.
      fs.writeFileSync(
        path.join(dataDir, "postgresql.auto.conf"),
        [
          `listen_addresses = '127.0.0.1'`,
          `port = ${port}`,
          `unix_socket_directories = '${dir}'`,
          `fsync = off`,
          `synchronous_commit = off`,
          `full_page_writes = off`,
          `max_connections = 200`,
          "",
        ].join("\n"),
      );
      if (user) {
        for (const file of ["pg_hba.conf", "postgresql.auto.conf"]) fs.chownSync(path.join(dataDir, file), user.uid, user.gid);
      }
      try {
        runServerTool(binDir, "pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "start"], Boolean(user), dir);
        running = true;
        break;
      } catch (error) {
        // Another process may have taken the port between probe and start.
        if (attempt >= 3) {
          const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : "";
          throw new Error(`${(error as Error).message}\n${log}`);
        }
      }
    }

    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      port,
      dir,
      async stop() {
        process.removeListener("exit", onExit);
        stopSync();
      },
    };
  } catch (error) {
    process.removeListener("exit", onExit);
    stopSync();
    throw error;
  }
}
