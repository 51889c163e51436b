// Database pool and transaction limits, from the environment (documented in
// README.md, "Settings"). No Next imports: the CLI and tests read these too.
//
// Prisma's defaults (a pool of 10 and a 2 s wait for a transaction) turned a
// burst of concurrent writes into failed requests. These defaults are sized
// for one Assay server: PostgreSQL's stock max_connections is 100, so four
// instances at 20 connections still leave room for backups and psql; a write
// waits up to 10 s for a connection before it is answered "busy, try again".

export interface DbSettings {
  /** PostgreSQL connections per server process. */
  poolSize: number;
  /** How long a plain query waits for a free pool connection (ms). */
  poolTimeoutMs: number;
  /** How long a transaction waits to start (a connection, or SQLite's write turn) (ms). */
  txMaxWaitMs: number;
  /** How long a started transaction may run before it is rolled back (ms). */
  txTimeoutMs: number;
  /** Further attempts of a transaction that lost a serialization or lock race. */
  txRetries: number;
}

export const DB_SETTING_DEFAULTS: DbSettings = {
  poolSize: 20,
  poolTimeoutMs: 10_000,
  txMaxWaitMs: 10_000,
  txTimeoutMs: 15_000,
  txRetries: 3,
};

const ENV_NAMES: Record<keyof DbSettings, string> = {
  poolSize: "ASSAY_DB_POOL_SIZE",
  poolTimeoutMs: "ASSAY_DB_POOL_TIMEOUT_MS",
  txMaxWaitMs: "ASSAY_DB_TX_MAX_WAIT_MS",
  txTimeoutMs: "ASSAY_DB_TX_TIMEOUT_MS",
  txRetries: "ASSAY_DB_TX_RETRIES",
};

/** The settings in `env`, defaults for those unset; a malformed value stops the start with its name. */
export function dbSettings(env: Record<string, string | undefined> = process.env): DbSettings {
  const settings = { ...DB_SETTING_DEFAULTS };
  for (const key of Object.keys(ENV_NAMES) as (keyof DbSettings)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw === undefined || raw.trim() === "") continue;
    const value = Number(raw);
    const min = key === "txRetries" ? 0 : 1;
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`${ENV_NAMES[key]} must be a whole number of at least ${min} (got "${raw}").`);
    }
    settings[key] = value;
  }
  return settings;
}
