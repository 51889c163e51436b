import { previewSpreadsheetImport } from "@/lib/server/services/spreadsheet-import";
import { validVendor } from "../../helpers/fixtures";
import type { CaseContext, CaseTable } from "./types";

// Spreadsheet import (upload → preview → commit), its templates, and the
// CSV/XLSX exports of the vendor list, findings and renewal calendar.

const VENDOR_HEADER = "name,legal_name,country,services,industries,access_level,status";
const SOC2_HEADER = "vendor_legal_name,soc2_type,soc2_period_start,soc2_period_end,soc2_issue_date,auditor,opinion,exception_count";

function vendorCsv(ctx: CaseContext): string {
  const legalName = ctx.unique("Imported Vendor Ltd");
  return `${VENDOR_HEADER}\n${legalName},"${legalName}",PH,email,fintech,read_only,prospective\n`;
}

function upload(kind: string, csv: string): () => Request {
  return () => new Request(`http://localhost/api/imports?kind=${kind}`, { method: "POST", body: csv, headers: { "x-file-name": `${kind}.csv` } });
}

export const cases: CaseTable = {
  "POST app/api/imports/route.ts": {
    variants: [
      { label: "vendors", kind: "mutation", permission: "vendor.create", audit: "import.preview", arrange: async (ctx) => ({ request: upload("vendors", vendorCsv(ctx)) }) },
      {
        label: "SOC 2 reports",
        kind: "mutation",
        permission: "assurance.manage",
        audit: "import.preview",
        arrange: async (ctx) => {
          const v = await ctx.freshVendor();
          const legalName = (await ctx.db.vendor.findUniqueOrThrow({ where: { id: v.id } })).legalName;
          return { request: upload("soc2", `${SOC2_HEADER}\n"${legalName}",type2,2025-01-01,2025-12-31,2026-01-15,Example LLP,unqualified,0\n`) };
        },
      },
    ],
  },
  "app/(app)/vendors/import/actions.ts#commitImportAction": {
    kind: "mutation",
    // The preview is a vendor import; security (assurance.manage) is refused too, by that import type's permission.
    permission: "vendor.create",
    audit: "import.commit",
    arrange: async (ctx) => {
      // The preview belongs to procurement, who then commits it; other roles are refused by permission.
      const previewed = await previewSpreadsheetImport({ actor: ctx.actors.procurement, kind: "vendors", fileName: "v.csv", bytes: new TextEncoder().encode(vendorCsv(ctx)) });
      return { input: { importId: previewed.id } };
    },
    as: "procurement",
  },
  "GET app/api/imports/template/route.ts": {
    kind: "read",
    permission: "vendor.create",
    arrange: async () => ({ request: () => new Request("http://localhost/api/imports/template?kind=vendors&format=xlsx") }),
  },
  "GET app/api/exports/[kind]/route.ts": {
    variants: (["vendors", "findings", "calendar"] as const).map((kind) => ({
      label: kind,
      kind: "download" as const,
      permission: "vendor.read" as const,
      audit: "export.spreadsheet",
      arrange: async () => ({ params: { kind }, request: () => new Request(`http://localhost/api/exports/${kind}?format=${kind === "findings" ? "xlsx" : "csv"}&country=${validVendor.country}`) }),
    })),
  },
};
