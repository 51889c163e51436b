// SHA-256 of large pack entries, computed on a worker thread.
//
// Why: an audit pack must SHA-256 (for the manifest) and CRC-32 (for the ZIP)
// every byte it streams. On the main thread SHA-256 (~1.7 GB/s here, with
// SHA-NI) ran in series with reading, CRC-32 and writing, which held the pack
// to about half the speed of a plain read of the same files. On a worker it
// overlaps with all of that.
//
// How: a running hash copies its chunks into a ring of shared-memory slots
// (8 × 1 MiB) that the worker hashes in place. A slot goes back to the ring
// when the worker acknowledges it, so memory stays bounded and a worker that
// falls behind holds the writer back (backpressure) instead of queueing bytes.
// One worker serves every running hash: each is a session, and the worker
// handles messages in order, so the chunks of a session are hashed in order.
// Small entries never leave the thread: a round trip costs more than hashing
// them. Where a worker cannot be started, hashing falls back to this thread.
import { createHash, type Hash } from "node:crypto";
import { Worker } from "node:worker_threads";

const SLOT_BYTES = 1 << 20;
const SLOT_COUNT = 8;
/** Entries smaller than this are hashed on the calling thread. */
export const OFFLOAD_MIN_BYTES = 256 * 1024;

type ToWorker =
  | { op: "update"; session: number; slot: number; length: number }
  | { op: "digest"; session: number }
  | { op: "drop"; session: number };
type FromWorker = { op: "free"; slot: number } | { op: "digest"; session: number; hex: string };

// Plain CommonJS, run with `eval: true`: no file to resolve, so it works the
// same under tsx, vitest and the Next server bundle. Only node builtins.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const ring = new Uint8Array(workerData.ring);
const slotBytes = workerData.slotBytes;
const sessions = new Map();
parentPort.on("message", (m) => {
  if (m.op === "update") {
    let hash = sessions.get(m.session);
    if (!hash) sessions.set(m.session, (hash = createHash("sha256")));
    const start = m.slot * slotBytes;
    hash.update(ring.subarray(start, start + m.length));
    parentPort.postMessage({ op: "free", slot: m.slot });
  } else if (m.op === "digest") {
    const hash = sessions.get(m.session) || createHash("sha256");
    sessions.delete(m.session);
    parentPort.postMessage({ op: "digest", session: m.session, hex: hash.digest("hex") });
  } else if (m.op === "drop") {
    sessions.delete(m.session);
  }
});
`;

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/** One hashing worker and its slot ring. Exported for tests; code uses sha256Stream(). */
export class Sha256Worker {
  private readonly worker: Worker;
  private readonly ring: Uint8Array;
  private readonly freeSlots: number[];
  private readonly slotWaiters: Waiter<number>[] = [];
  private readonly digestWaiters = new Map<number, Waiter<string>>();
  private nextSession = 1;
  private openSessions = 0;
  private failure: Error | null = null;

  constructor() {
    const ring = new SharedArrayBuffer(SLOT_BYTES * SLOT_COUNT);
    this.ring = new Uint8Array(ring);
    this.freeSlots = Array.from({ length: SLOT_COUNT }, (_, i) => i);
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ring, slotBytes: SLOT_BYTES } });
    // Idle, the worker must not keep a CLI process alive; open() refs it while a hash runs.
    this.worker.unref();
    this.worker.on("message", (m: FromWorker) => this.receive(m));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`SHA-256 worker stopped (exit code ${code})`)));
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  open(): number {
    if (this.failure) throw this.failure;
    if (this.openSessions++ === 0) this.worker.ref();
    return this.nextSession++;
  }

  /** A free slot's index; waits while all slots are with the worker. */
  takeSlot(): number | Promise<number> {
    if (this.failure) throw this.failure;
    const slot = this.freeSlots.pop();
    if (slot !== undefined) return slot;
    return new Promise((resolve, reject) => this.slotWaiters.push({ resolve, reject }));
  }

  /** Copies `bytes` into the slot at `offset`; returns how many fitted. */
  fill(slot: number, offset: number, bytes: Uint8Array): number {
    const n = Math.min(bytes.length, SLOT_BYTES - offset);
    this.ring.set(n === bytes.length ? bytes : bytes.subarray(0, n), slot * SLOT_BYTES + offset);
    return n;
  }

  isFull(offset: number): boolean {
    return offset === SLOT_BYTES;
  }

  /** Hands a filled slot to the worker; it comes back to the ring once hashed. */
  hash(session: number, slot: number, length: number): void {
    this.post({ op: "update", session, slot, length });
  }

  /** Gives back a slot that was taken but never handed over. */
  returnSlot(slot: number): void {
    const waiter = this.slotWaiters.shift();
    if (waiter) waiter.resolve(slot);
    else this.freeSlots.push(slot);
  }

  digest(session: number): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    const result = new Promise<string>((resolve, reject) => this.digestWaiters.set(session, { resolve, reject }));
    this.post({ op: "digest", session });
    return result;
  }

  /** Ends a session without a digest (the entry was abandoned). */
  drop(session: number): void {
    if (!this.failure) this.post({ op: "drop", session });
  }

  close(): void {
    if (--this.openSessions === 0) this.worker.unref();
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(m: FromWorker): void {
    if (m.op === "free") {
      this.returnSlot(m.slot);
    } else {
      const waiter = this.digestWaiters.get(m.session);
      this.digestWaiters.delete(m.session);
      waiter?.resolve(m.hex);
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const waiter of this.slotWaiters.splice(0)) waiter.reject(error);
    for (const waiter of this.digestWaiters.values()) waiter.reject(error);
    this.digestWaiters.clear();
  }
}

let shared: Sha256Worker | null = null;
let unavailable = false;

/** The process's hashing worker, started on first use and again after a crash; null if workers cannot start. */
function sharedWorker(): Sha256Worker | null {
  if (unavailable) return null;
  if (!shared || shared.failed) {
    try {
      shared = new Sha256Worker();
    } catch {
      unavailable = true;
      return null;
    }
  }
  return shared;
}

export interface Sha256Stream {
  /** Await each call before the next: chunks are taken in call order. */
  update(chunk: Uint8Array): void | Promise<void>;
  /** The hex digest; call once, after the last update. */
  digest(): Promise<string>;
  /** Stops the hash and frees what it holds; safe to call after digest(). */
  abandon(): void;
}

/** A running SHA-256 that moves to the worker once the data passes OFFLOAD_MIN_BYTES. */
export function sha256Stream(worker: () => Sha256Worker | null = sharedWorker): Sha256Stream {
  return new OffloadableSha256(worker);
}

class OffloadableSha256 implements Sha256Stream {
  // Until OFFLOAD_MIN_BYTES, chunks are kept (copied: a source may reuse its buffers).
  private head: Buffer[] = [];
  private headBytes = 0;
  private inline: Hash | null = null;
  private worker: Sha256Worker | null = null;
  private session = 0;
  private slot = -1;
  private slotFill = 0;
  private finished = false;

  constructor(private readonly startWorker: () => Sha256Worker | null) {}

  update(chunk: Uint8Array): void | Promise<void> {
    if (this.inline) {
      this.inline.update(chunk);
      return;
    }
    if (this.worker) return this.send(chunk);
    if (this.headBytes + chunk.length < OFFLOAD_MIN_BYTES) {
      this.head.push(Buffer.from(chunk));
      this.headBytes += chunk.length;
      return;
    }
    const head = this.takeHead();
    const worker = this.startWorker();
    if (!worker) {
      this.inline = createHash("sha256");
      for (const part of head) this.inline.update(part);
      this.inline.update(chunk);
      return;
    }
    this.worker = worker;
    this.session = worker.open();
    return this.sendAll([...head, chunk]);
  }

  digest(): Promise<string> {
    if (this.finished) return Promise.reject(new Error("digest() called twice"));
    this.finished = true;
    if (this.inline) return Promise.resolve(this.inline.digest("hex"));
    if (!this.worker) {
      const hash = createHash("sha256");
      for (const part of this.takeHead()) hash.update(part);
      return Promise.resolve(hash.digest("hex"));
    }
    const worker = this.worker;
    if (this.slot >= 0) worker.hash(this.session, this.slot, this.slotFill);
    this.slot = -1;
    // Stay referenced until the answer arrives, or a CLI could exit waiting for it.
    return worker.digest(this.session).finally(() => worker.close());
  }

  abandon(): void {
    if (this.finished) return;
    this.finished = true;
    this.takeHead();
    const worker = this.worker;
    if (!worker) return;
    if (this.slot >= 0) worker.returnSlot(this.slot);
    this.slot = -1;
    worker.drop(this.session);
    worker.close();
  }

  private takeHead(): Buffer[] {
    const head = this.head;
    this.head = [];
    this.headBytes = 0;
    return head;
  }

  private async sendAll(chunks: Uint8Array[]): Promise<void> {
    for (const chunk of chunks) await this.send(chunk);
  }

  private async send(chunk: Uint8Array): Promise<void> {
    const worker = this.worker!;
    let rest = chunk;
    while (rest.length > 0) {
      if (this.finished) throw new Error("update() after digest() or abandon()");
      if (this.slot < 0) {
        const taken = worker.takeSlot();
        const slot = typeof taken === "number" ? taken : await taken;
        if (this.finished) {
          worker.returnSlot(slot); // abandoned while waiting for it
          return;
        }
        this.slot = slot;
        this.slotFill = 0;
      }
      const n = worker.fill(this.slot, this.slotFill, rest);
      this.slotFill += n;
      rest = rest.subarray(n);
      if (worker.isFull(this.slotFill)) {
        worker.hash(this.session, this.slot, this.slotFill);
        this.slot = -1;
      }
    }
  }
}
