import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { signInAs, uniqueName } from "./helpers";

// Procurement brings vendors in from a spreadsheet (docs/import-export.md):
// template → a file with one error → the error next to its row, nothing
// imported → the fixed file → the vendors appear, and the audit log shows it.

test("procurement imports vendors from the template, fixes a bad row, and the import is audited", async ({ page, browser }) => {
  await signInAs(page, "procurement");
  await page.goto("/vendors");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import vendors and evidence");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV", exact: true }).click();
  const template = await (await download).createReadStream();
  let text = "";
  for await (const chunk of template) text += chunk.toString("utf8");
  const [header, example] = text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(header).toContain("legal_name");

  // One tag for both, so a search finds exactly this run's vendors (the e2e database outlives a run).
  const tag = uniqueName("Imported");
  const good = `${tag} Harbour`;
  const other = `${tag} Lagoon`;
  // The template's example row, with our names and a blank external id.
  const row = (name: string, country: string) => example!.replace(/^ERP-1042,Acme Support,Acme Support Services Ltd/, `,${name},${name} Ltd`).replace(",PH,", `,${country},`);
  const upload = async (csv: string) => {
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "vendors.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Upload and preview" }).click();
  };

  await upload(`${header}\n${row(good, "PH")}\n${row(other, "Atlantis")}\n`);
  await expect(page.getByTestId("import-summary")).toHaveText("2 rows: 1 new, 0 to update, 1 with errors.");
  const bad = page.locator("tr[data-row='3']");
  await expect(bad).toContainText("Row 3, column country: Choose the country of the vendor's headquarters");
  await expect(page.locator("tr[data-row='2']")).toContainText("New");
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
  await expect(page.getByText("Nothing will be imported")).toBeVisible();

  await upload(`${header}\n${row(good, "PH")}\n${row(other, "IN")}\n`);
  await expect(page.getByTestId("import-summary")).toHaveText("2 rows: 2 new, 0 to update, 0 with errors.");
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByText("Imported 2 rows.")).toBeVisible();
  await page.getByRole("link", { name: "View vendors" }).click();
  await page.getByLabel("Search").fill(tag);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: good })).toBeVisible();
  await expect(page.getByRole("link", { name: other })).toBeVisible();

  // The list's export carries its filter: the searched vendors and no others, read back with csv-parse.
  await page.getByText("Export", { exact: true }).click();
  const exported = page.waitForEvent("download");
  await page.getByRole("link", { name: "Vendors (CSV)" }).click();
  let csv = "";
  for await (const chunk of await (await exported).createReadStream()) csv += chunk.toString("utf8");
  const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  expect(records.map((r) => r.name).sort()).toEqual([good, other].sort());

  // Procurement does not read the audit log; security does.
  const context = await browser.newContext();
  const auditor = await context.newPage();
  await signInAs(auditor, "security");
  await auditor.goto("/audit-log?action=import.commit");
  const event = auditor.getByTestId("audit-event").first();
  await expect(event).toContainText("import.commit");
  await expect(event).toContainText("procurement@assay.demo");
  await auditor.goto("/audit-log?action=vendor.create");
  await expect(auditor.getByTestId("audit-event").filter({ hasText: good }).first()).toBeVisible();
  await context.close();
});
