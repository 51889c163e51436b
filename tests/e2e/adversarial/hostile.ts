// Hostile mutations of a plausible input (zod-arbitrary.ts), and the encoding
// of a value into the body of a server-action request.
import fc from "fast-check";

/** Values a careless parser trips on. `NaN`, `Infinity` and `Date` travel as React reply markers (see encodeReply). */
const WRONG_TYPES: unknown[] = [null, true, 0, -1, 1.5, "", "0", [], {}, [[]], { length: 1e9 }, NaN, Infinity, -Infinity, -0];
const UNICODE_NASTY = ["\u0000", "\u202eexe.pdf", "\ud800", "\u0007\u001b[31m", "a\u0300\u0301\u0302", "\ufeff", "\u2028\u2029", "𝕏".repeat(50), "../../etc/passwd", "%00", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "' OR 1=1 --"];
const INVALID_DATES = ["2024-02-30", "2023-13-01", "0000-00-00", "99999-01-01", "-000001-01-01", "2024-1-1", "1970-01-01T00:00:00Z", "now", "Invalid Date"];
const NEGATIVE_MONEY = [-1, -0.01, -1e15, Number.MIN_SAFE_INTEGER, 1e308, 2 ** 53 + 1];
const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

export type Mutation =
  | "none"
  | "wrong-type"
  | "huge-string"
  | "deep-nesting"
  | "prototype-keys"
  | "invalid-date"
  | "nan"
  | "negative-money"
  | "unicode"
  | "drop-key"
  | "extra-keys"
  | "replace-root";

export const MUTATIONS: Mutation[] = ["none", "wrong-type", "huge-string", "deep-nesting", "prototype-keys", "invalid-date", "nan", "negative-money", "unicode", "drop-key", "extra-keys", "replace-root"];

type Path = (string | number)[];

/** Every path to a value inside `value` (objects and arrays), the root included. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (prefix.length > 6) return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  }
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredCloneSafe(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  Object.defineProperty(node, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function structuredCloneSafe(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(structuredCloneSafe);
  if (v && typeof v === "object" && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: structuredCloneSafe(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

function deep(depth: number): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

function protoObject(): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of PROTO_KEYS) Object.defineProperty(o, k, { value: { polluted: true, isAdmin: true }, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Applies one mutation at a random path; `pick` is a seeded choice function from fast-check. */
export function mutate(value: unknown, mutation: Mutation, pick: <T>(items: readonly T[]) => T): unknown {
  const all = paths(value);
  const at = pick(all);
  const leafKey = String(at[at.length - 1] ?? "");
  switch (mutation) {
    case "none":
      return value;
    case "wrong-type":
      return setAt(value, at, pick(WRONG_TYPES));
    case "huge-string":
      return setAt(value, at, pick(["x".repeat(100_000), "\u00e9".repeat(300_000), "9".repeat(5_000)]));
    case "deep-nesting":
      return setAt(value, at, deep(pick([40, 1_000, 2_500])));
    case "prototype-keys": {
      const target = all.filter((p) => {
        let node: unknown = value;
        for (const k of p) node = (node as Record<string | number, unknown>)[k];
        return node && typeof node === "object" && !Array.isArray(node);
      });
      const p = target.length ? pick(target) : [];
      let node: unknown = value;
      for (const k of p) node = (node as Record<string | number, unknown>)[k];
      const merged = { ...(node as object) };
      for (const [k, v] of Object.entries(protoObject())) Object.defineProperty(merged, k, { value: v, enumerable: true, writable: true, configurable: true });
      return setAt(value, p, merged);
    }
    case "invalid-date":
      return setAt(value, at, pick(INVALID_DATES));
    case "nan":
      return setAt(value, at, pick([NaN, Infinity, -Infinity]));
    case "negative-money": {
      const money = all.filter((p) => /amount|limit|premium|cost|deductible|usd|eur|money|coverage|revenue/i.test(String(p[p.length - 1] ?? "")));
      return setAt(value, money.length ? pick(money) : at, pick(NEGATIVE_MONEY));
    }
    case "unicode":
      return setAt(value, at, pick(UNICODE_NASTY));
    case "drop-key": {
      if (at.length === 0 || typeof at[at.length - 1] !== "string") return value;
      const copy = structuredCloneSafe(value) as Record<string | number, unknown>;
      let node = copy;
      for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      delete node[leafKey];
      return copy;
    }
    case "extra-keys":
      return value && typeof value === "object" && !Array.isArray(value) ? { ...(value as object), role: "admin", isAdmin: true, actorId: "system", version: -1 } : value;
    case "replace-root":
      return pick([...WRONG_TYPES, "x".repeat(10_000), deep(200)]);
  }
}

export const mutationArb = fc.constantFrom(...MUTATIONS);

/**
 * The body of a server-action call: React's `encodeReply` format for plain
 * values, i.e. the JSON of the argument list where strings starting with "$"
 * are escaped as "$$" and the values JSON cannot carry use "$" markers
 * ("$NaN", "$Infinity", "$-Infinity", "$-0", "$undefined", "$D<iso>"). This
 * is what the browser sends for `action(input)`, so the server decodes these
 * into real NaN, Infinity and Date values before the action sees them.
 */
export function encodeReply(args: unknown[]): string {
  return JSON.stringify(args.map(encodeValue));
}

function encodeValue(v: unknown): unknown {
  if (typeof v === "string") return v.startsWith("$") ? `$${v}` : v;
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "$NaN";
    if (v === Infinity) return "$Infinity";
    if (v === -Infinity) return "$-Infinity";
    if (Object.is(v, -0)) return "$-0";
    return v;
  }
  if (v === undefined) return "$undefined";
  if (typeof v === "bigint") return `$n${v}`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "$DInvalid" : `$D${v.toISOString()}`;
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: encodeValue(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/** Bodies that are not a valid reply at all: the decoder itself must refuse them without a 500. */
export const RAW_ACTION_BODIES = [
  "",
  "not json",
  "[",
  '{"a":1}',
  '["$@1"]',
  '["$Q1"]',
  '["$K1"]',
  '["$F1"]',
  '["$T"]',
  '["$h1"]',
  '["$B1"]',
  '["$n999999999999999999999999999999"]',
  '["$Dnot-a-date"]',
  '["$S"]',
  '[{"__proto__":{"then":"$@0"}}]',
  '[{"then":"$1:then"}]',
  "[".repeat(5_000) + "]".repeat(5_000),
  '["\\ud800"]',
];
