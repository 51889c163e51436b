import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * The better-sqlite3 adapter runs everything on ONE connection and only
 * serialises transactions against each other. A plain query issued while an
 * interactive transaction is open runs inside that transaction: it sees
 * uncommitted rows and is rolled back with it, so one request could silently
 * undo another's write. This makes every statement wait for an open
 * transaction to finish, which is what a second connection would do.
 *
 * Consequence: inside `db().$transaction(async (tx) => ...)` use `tx`, never
 * `db()`; a `db()` call there waits for its own transaction and fails when the
 * transaction times out (on PostgreSQL it would silently run outside it).
 */
export function serializeSqliteAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialize(await factory.connect()),
  };
}

function serialize(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = createLock();
  const serialized: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => lock.run(() => adapter.queryRaw(query)),
    executeRaw: (query) => lock.run(() => adapter.executeRaw(query)),
    executeScript: (script) => lock.run(() => adapter.executeScript(script)),
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel) => {
      const release = await lock.acquire();
      try {
        return releasingOnEnd(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
  if (adapter.getConnectionInfo) serialized.getConnectionInfo = () => adapter.getConnectionInfo!();
  return serialized;
}

function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const releaseOnce = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  const wrapped: Transaction = {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: async () => {
      try {
        await tx.commit();
      } finally {
        releaseOnce();
      }
    },
    rollback: async () => {
      try {
        await tx.rollback();
      } finally {
        releaseOnce();
      }
    },
  };
  if (tx.createSavepoint) wrapped.createSavepoint = (name) => tx.createSavepoint!(name);
  if (tx.rollbackToSavepoint) wrapped.rollbackToSavepoint = (name) => tx.rollbackToSavepoint!(name);
  if (tx.releaseSavepoint) wrapped.releaseSavepoint = (name) => tx.releaseSavepoint!(name);
  return wrapped;
}

/** FIFO mutex: waiters run in arrival order, so nothing starves. */
function createLock() {
  let tail: Promise<void> = Promise.resolve();
  const acquire = (): Promise<() => void> => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = tail.then(() => release);
    tail = tail.then(() => released);
    return acquired;
  };
  return {
    acquire,
    async run<T>(fn: () => Promise<T>): Promise<T> {
      const release = await acquire();
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}
