import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson, isoUtc } from "@/lib/domain/audit/canonical-json";

describe("canonicalJson", () => {
  it.each([
    ["key order is irrelevant", { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ["nested objects are sorted too", { z: { y: 1, x: [{ d: 1, c: 2 }] }, a: null }, '{"a":null,"z":{"x":[{"c":2,"d":1}],"y":1}}'],
    // UTF-16 code unit order, as JCS: upper case before lower case, "é" (U+00E9) after "z".
    ["keys sort by UTF-16 code units", { é: 1, z: 2, Z: 3, a: 4 }, '{"Z":3,"a":4,"z":2,"é":1}'],
    ["no whitespace", { a: [1, 2, { b: "c d" }] }, '{"a":[1,2,{"b":"c d"}]}'],
    ["undefined property dropped", { a: undefined, b: 1 }, '{"b":1}'],
    ["undefined in array becomes null", [1, undefined, 3], "[1,null,3]"],
    ["-0 is written as 0", { a: -0, b: 0 }, '{"a":0,"b":0}'],
    ["numbers in shortest round-trip form", [1.5, 1e21, 1e-7, 0.1, 100], "[1.5,1e+21,1e-7,0.1,100]"],
    ["bigint as a decimal string", { n: 12345678901234567890n }, '{"n":"12345678901234567890"}'],
    ["Date as ISO-8601 UTC with milliseconds", { at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)) }, '{"at":"2024-01-02T03:04:05.006Z"}'],
    ["booleans and null", [true, false, null], "[true,false,null]"],
    ["empty containers", { a: {}, b: [] }, '{"a":{},"b":[]}'],
  ])("%s", (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("writes non-ASCII text as itself, not as \\u escapes", () => {
    expect(canonicalJson({ city: "Zürich", jp: "東京", emoji: "🔐👩‍💻" })).toBe('{"city":"Zürich","emoji":"🔐👩‍💻","jp":"東京"}');
    expect(Buffer.from(canonicalJson("Zürich"), "utf8").toString("hex")).toBe("225ac3bc7269636822");
  });

  it("escapes quotes, backslashes and control characters like JSON.stringify", () => {
    const s = 'quote " backslash \\ newline \n tab \t nul \u0000 bell \u0007 del \u007f';
    expect(canonicalJson(s)).toBe(JSON.stringify(s));
    expect(canonicalJson({ 'we"ird\nkey': 1 })).toBe('{"we\\"ird\\nkey":1}');
  });

  it("does not normalise Unicode: composed and decomposed é hash differently", () => {
    const composed = "caf\u00e9";
    const decomposed = "cafe\u0301";
    expect(canonicalJson(composed)).not.toBe(canonicalJson(decomposed));
    expect(canonicalJson(decomposed)).toBe('"cafe\u0301"');
  });

  it("replaces lone surrogates with U+FFFD, as a UTF-8 database would", () => {
    expect(canonicalJson("a\ud800b")).toBe('"a\ufffdb"');
    const stored = Buffer.from("a\ud800b", "utf8").toString("utf8");
    expect(canonicalJson(stored)).toBe(canonicalJson("a\ud800b"));
    expect(canonicalJson("😀")).toBe('"😀"'); // a valid pair is untouched
  });

  it.each([
    ["NaN", NaN],
    ["Infinity", { a: Infinity }],
    ["-Infinity", [-Infinity]],
    ["invalid Date", new Date("nope")],
    ["function", { f: () => 1 }],
    ["symbol", [Symbol("x")]],
    ["Map", { m: new Map([["a", 1]]) }],
    ["Set", new Set([1])],
    ["top-level undefined", undefined],
  ])("throws on %s", (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it("throws on cyclic values instead of overflowing the stack", () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow(/too deep/);
  });

  it("uses toJSON like JSON.stringify (e.g. Prisma Decimal)", () => {
    const decimal = { toJSON: () => "12.50" };
    Object.setPrototypeOf(decimal, { constructor: { name: "Decimal" } });
    expect(canonicalJson({ amount: decimal })).toBe('{"amount":"12.50"}');
  });

  it("accepts null-prototype objects (e.g. from Object.create(null))", () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.b = 1;
    o.a = 2;
    expect(canonicalJson(o)).toBe('{"a":2,"b":1}');
  });

  it("survives a JSON round trip unchanged (what a Json column does to a value)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const roundTripped = JSON.parse(JSON.stringify(value)) as unknown;
        expect(canonicalJson(roundTripped)).toBe(canonicalJson(value));
      }),
      { numRuns: 300 },
    );
  });

  it("is independent of key insertion order and parses back to an equal value", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        const out = canonicalJson(dict);
        expect(canonicalJson(reversed)).toBe(out);
        expect(canonicalJson(JSON.parse(out))).toBe(out);
      }),
      { numRuns: 300 },
    );
  });

  it("isoUtc equals Date#toISOString across the whole date range", () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (d) => {
        expect(isoUtc(d)).toBe(d.toISOString());
      }),
      { numRuns: 2000 },
    );
    for (const t of [Date.UTC(1, 0, 1), Date.UTC(999, 11, 31, 23, 59, 59, 999), Date.UTC(-1, 0, 1), 8.64e15, -8.64e15, 0]) {
      const d = new Date(t);
      expect(isoUtc(d)).toBe(d.toISOString());
    }
  });
});
