// Canonical JSON: the one byte string an audit event hashes to (hash-chain.ts).
// Every rule below is part of the chain format: changing one changes every
// stored hash, so a change needs a new chain version, not an edit here.
//
// - Object keys sorted by UTF-16 code units (plain Array#sort, as RFC 8785/JCS),
//   no whitespace.
// - Strings escaped exactly as JSON.stringify does (", \, control characters);
//   all other characters, e.g. "Zürich", "東京", emoji, are written as
//   themselves and hashed as UTF-8.
// - NO Unicode normalisation: the hash covers the exact stored string. "é"
//   composed and "é" decomposed are different data in the database, and an
//   edit from one to the other must be detected, not hidden.
// - Lone surrogates become U+FFFD. That is what every UTF-8 store (SQLite,
//   PostgreSQL, Buffer.from) does to them, so a value hashes the same before
//   and after its database round trip instead of raising a false alarm.
// - Numbers: finite only (NaN/Infinity throw), -0 written as 0, otherwise the
//   shortest round-trip form of JSON.stringify (identical to JCS for doubles).
// - Date: ISO-8601 UTC with milliseconds (toISOString), i.e. the same string a
//   Json column returns after storing a Date. Invalid dates throw.
// - bigint: decimal digits as a JSON string (a Json column cannot hold one).
// - undefined: an object property with undefined is omitted; in an array it is
//   null. Both match what JSON.stringify stores, so the hash survives the trip.
// - Objects with toJSON (e.g. Prisma Decimal) are replaced by toJSON(); other
//   non-plain objects (Map, Set, class instances) and functions/symbols throw,
//   because JSON storage would silently drop their contents.

const MAX_DEPTH = 256;
// Characters JSON.stringify would escape, plus surrogates (which may be lone).
// Most strings have none, and skipping JSON.stringify for them matters when
// a million events are verified in one go.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

export function canonicalJson(value: unknown): string {
  const out = writeValue(value, 0, "");
  if (out === undefined) throw new TypeError("canonicalJson: top-level value is undefined");
  return out;
}

/** JSON string literal for a canonical string (well-formed, JSON escapes). */
export function canonicalString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return '"' + value + '"';
  return JSON.stringify(value.isWellFormed() ? value : value.toWellFormed());
}

/** Date#toISOString, hand-rolled because it is ~2x faster for years 0..9999. */
export function isoUtc(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new TypeError("canonicalJson: invalid Date");
  const y = date.getUTCFullYear();
  if (y < 0 || y > 9999) return date.toISOString();
  const ms = date.getUTCMilliseconds();
  return (
    (y < 1000 ? String(y).padStart(4, "0") : String(y)) +
    "-" + pad2(date.getUTCMonth() + 1) +
    "-" + pad2(date.getUTCDate()) +
    "T" + pad2(date.getUTCHours()) +
    ":" + pad2(date.getUTCMinutes()) +
    ":" + pad2(date.getUTCSeconds()) +
    "." + (ms < 10 ? "00" : ms < 100 ? "0" : "") + ms + "Z"
  );
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

// `key` is the property name or array index, used for toJSON(key) (as
// JSON.stringify does) and for error messages.
function writeValue(value: unknown, depth: number, key: string | number): string | undefined {
  if (depth > MAX_DEPTH) throw new TypeError("canonicalJson: nesting too deep (cyclic value?)");
  switch (typeof value) {
    case "string":
      return canonicalString(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at "${key}"`);
      // String(n) is Number::toString, the same text JSON.stringify writes.
      return value === 0 ? "0" : String(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return '"' + value.toString() + '"';
    case "undefined":
      return undefined;
    case "function":
    case "symbol":
      throw new TypeError(`canonicalJson: cannot serialise a ${typeof value} at "${key}"`);
  }
  if (value === null) return "null";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`canonicalJson: invalid Date at "${key}"`);
    return '"' + isoUtc(value) + '"';
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += writeValue(value[i], depth + 1, i) ?? "null";
    }
    return out + "]";
  }
  const obj = value as Record<string, unknown>;
  const proto = Object.getPrototypeOf(obj) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    if (typeof obj.toJSON === "function") return writeValue((obj.toJSON as (k: string) => unknown)(String(key)), depth + 1, key);
    const name = (obj.constructor as { name?: string } | undefined)?.name ?? "object";
    throw new TypeError(`canonicalJson: cannot serialise a ${name} at "${key}"`);
  }
  const keys = sortKeys(Object.keys(obj));
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = writeValue(obj[k], depth + 1, k);
    if (v === undefined) continue;
    if (!first) out += ",";
    first = false;
    out += canonicalString(k) + ":" + v;
  }
  return out + "}";
}

// Same order as Array#sort() (UTF-16 code units); insertion sort is ~4x
// faster for the handful of keys an audit snapshot has.
function sortKeys(keys: string[]): string[] {
  if (keys.length > 32) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}
