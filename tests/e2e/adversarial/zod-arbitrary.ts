// Turns a zod 4 schema into a fast-check arbitrary of *plausible* inputs: the
// right shape, types, enums, formats and bounds, so a share of the generated
// requests gets past validation and exercises the service behind it. The
// hostile mutations (hostile.ts) are applied on top of these values.
//
// Only what the app's schemas use is modelled (zod's internal `_zod.def`);
// anything else falls back to an arbitrary JSON value, which is still a valid
// (if mostly refused) input.
import fc from "fast-check";
import type { z } from "zod";

type Def = {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [key: string]: unknown;
};

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function checks(def: Def): Record<string, unknown>[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

/** Values that look like the ids the app stores, drawn from the running server's database. */
export interface KnownValues {
  ids: string[];
}

export function arbitraryFor(schema: z.ZodType, known: KnownValues, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 8) return fc.constant(null);
  const next = (s: unknown) => arbitraryFor(s as z.ZodType, known, depth + 1);
  switch (def.type) {
    case "string":
      return stringArb(def, known);
    case "number":
    case "int":
      return numberArb(def);
    case "bigint":
      return fc.bigInt();
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ noInvalidDate: true });
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case "optional":
      return fc.option(next(def.innerType), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(next(def.innerType), { nil: null, freq: 4 });
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return next(def.innerType);
    case "pipe":
      return next(def.in);
    case "lazy":
      return next((def.getter as () => unknown)());
    case "union":
      return fc.oneof(...(def.options as unknown[]).map(next));
    case "intersection":
      return next(def.left);
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map(next));
    case "array": {
      const c = checks(def);
      const min = Number(c.find((x) => x.check === "min_length")?.minimum ?? 0);
      const max = Math.min(Number(c.find((x) => x.check === "max_length")?.maximum ?? 4), min + 4);
      return fc.array(next(def.element), { minLength: min, maxLength: Math.max(min, max) });
    }
    case "record":
      return fc.dictionary(fc.string({ maxLength: 12 }), next(def.valueType), { maxKeys: 4 });
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const entries = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, next(v)]));
      return fc.record(entries);
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArb(def: Def, known: KnownValues): fc.Arbitrary<string> {
  const all = [def, ...checks(def)];
  const format = all.map((c) => c.format).find((f) => f && f !== "regex") as string | undefined;
  const pattern = all.find((c) => c.format === "regex")?.pattern as RegExp | undefined;
  const min = Number(all.find((c) => c.check === "min_length")?.minimum ?? 0);
  const max = Number(all.find((c) => c.check === "max_length")?.maximum ?? 60);
  switch (format) {
    case "email":
      return fc.emailAddress();
    case "uuid":
    case "guid":
      return fc.uuid();
    case "url":
      return fc.webUrl();
    case "datetime":
      return fc.date({ min: new Date("1990-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
    case "date":
      return isoDay();
  }
  if (pattern) {
    // Date-shaped patterns are common (YYYY-MM-DD); real dates make them pass.
    if (/\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(pattern.source)) return isoDay();
    return fc.stringMatching(pattern, { size: "small" });
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 80)) }) },
    { weight: 1, arbitrary: isoDay() },
    { weight: 2, arbitrary: known.ids.length ? fc.constantFrom(...known.ids) : fc.string() },
  );
}

function isoDay(): fc.Arbitrary<string> {
  return fc.date({ min: new Date("2000-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
}

function numberArb(def: Def): fc.Arbitrary<number> {
  const c = checks(def);
  const isInt = def.type === "int" || c.some((x) => x.format === "safeint" || x.format === "int32");
  const lo = c.find((x) => x.check === "greater_than")?.value as number | undefined;
  const hi = c.find((x) => x.check === "less_than")?.value as number | undefined;
  const min = Math.max(lo ?? -1e6, -1e9);
  const max = Math.min(hi ?? 1e9, 1e9);
  return isInt ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }) : fc.double({ min, max: Math.max(min, max), noNaN: true });
}
