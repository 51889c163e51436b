// The proxy's screen of server-action requests: what the app's own pages send
// passes; what Next's decoder would crash on (a 500) is refused with a 4xx.
import { describe, expect, it } from "vitest";
import { MAX_ACTION_DEPTH, screenActionBody, screenActionContentType, screenActionOrigin } from "@/lib/server/http/action-request";

describe("screenActionBody", () => {
  it("passes the replies the app's forms send", () => {
    for (const body of [
      JSON.stringify([{ name: "Acme", services: ["voice"], ownerId: "", version: 3 }]),
      JSON.stringify([{ filter: { q: "$$dollar name" }, pdfs: "latest" }]),
      JSON.stringify([{ a: "$undefined", b: "$NaN", c: "$-Infinity", d: "$-0", e: "$D2026-01-02T03:04:05.000Z", f: "$n12" }]),
      JSON.stringify([null]),
      "[]",
    ]) {
      expect(screenActionBody(body), body).toEqual({ ok: true });
    }
  });

  it("refuses what is not a JSON array of plain values", () => {
    for (const body of ["", "not json", "[", '{"a":1}', '"x"', '["$@1"]', '["$Q1"]', '["$K1"]', '["$F1"]', '["$T"]', '["$h1"]', '["$B1"]', '["$S"]', '[{"then":"$1:then"}]', '["$Dnot-a-date"]', '["$n1e999"]']) {
      expect(screenActionBody(body), body).toMatchObject({ ok: false, status: 400 });
    }
  });

  it("refuses nesting deeper than any form, without recursing itself", () => {
    const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
    expect(screenActionBody(deep(MAX_ACTION_DEPTH))).toEqual({ ok: true });
    expect(screenActionBody(deep(MAX_ACTION_DEPTH + 1))).toMatchObject({ ok: false, status: 400 });
    expect(screenActionBody(deep(200_000))).toMatchObject({ ok: false, status: 400 });
  });
});

describe("screenActionOrigin and screenActionContentType", () => {
  it("lets same-origin and Origin-less requests through, refuses other sites with 403", () => {
    expect(screenActionOrigin("http://localhost:3000", "localhost:3000")).toEqual({ ok: true });
    expect(screenActionOrigin(null, "localhost:3000")).toEqual({ ok: true });
    expect(screenActionOrigin("http://evil.example", "localhost:3000")).toMatchObject({ ok: false, status: 403 });
    expect(screenActionOrigin("null", "localhost:3000")).toMatchObject({ ok: false, status: 403 });
  });

  it("accepts only the text/plain replies the app sends", () => {
    expect(screenActionContentType("text/plain;charset=UTF-8")).toEqual({ ok: true });
    expect(screenActionContentType("multipart/form-data; boundary=x")).toMatchObject({ ok: false, status: 415 });
    expect(screenActionContentType("application/json")).toMatchObject({ ok: false, status: 415 });
    expect(screenActionContentType(null)).toMatchObject({ ok: false, status: 415 });
  });
});
