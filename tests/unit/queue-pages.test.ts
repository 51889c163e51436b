import { describe, expect, it } from "vitest";
import { queuePageParams, queuePages } from "@/lib/schemas/queue-pages";

describe("queuePages", () => {
  it("reads each section's page from <section>Page, and anything unreadable as page 1", () => {
    const pages = queuePages({ signoffPage: "3", noticePage: "0", kpiPage: "two", otherPage: "9", assurancePage: "2.5" }, ["signoff", "notice", "kpi", "assurance", "incidents"]);
    expect(pages).toEqual({ signoff: 3, notice: 1, kpi: 1, assurance: 1, incidents: 1 });
  });

  it("writes them back as parameters, so paging one section keeps the others", () => {
    expect(queuePageParams({ signoff: 3, notice: 1 })).toEqual({ signoffPage: "3", noticePage: "1" });
  });
});
