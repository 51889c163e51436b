import { describe, expect, it } from "vitest";
import { firstValues, linkParams } from "@/lib/schemas/search-params";

describe("firstValues", () => {
  it("keeps the first of a repeated key and passes single values through", () => {
    expect(firstValues({ q: ["acme", "evil"], tier: "high", page: undefined })).toEqual({ q: "acme", tier: "high", page: undefined });
  });
});

describe("linkParams", () => {
  it("leaves unset filters out of the links and writes numbers as text", () => {
    expect(linkParams({ q: undefined, tier: "critical", sort: "name", dir: "asc", page: 3, pageSize: 25 })).toEqual({ tier: "critical", sort: "name", dir: "asc", page: "3", pageSize: "25" });
  });
});
