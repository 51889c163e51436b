import { createHash, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { formatDayForPeople } from "@/lib/domain/dates";
import { soc2Rules } from "@/lib/domain/findings/rules/soc2-rules";
import { makeRuleContext } from "@/lib/domain/findings/rules/context";
import type { Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { signInAs } from "./helpers";
import { sectionTab, utcDay, vendorMadeByProcurement } from "./dossier-helpers";

/** A minimal but well-formed one-page PDF; the marker makes each run's bytes (and hash) unique. */
function minimalPdf(marker: string): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
  ];
  let body = `%PDF-1.4\n% ${marker}\n`;
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A DOS/PE header ("MZ", then NUL bytes) wearing a .pdf name. */
function fakeExe(): Buffer {
  const bytes = Buffer.alloc(512, 0);
  bytes.write("MZ", 0, "latin1");
  bytes.write("This program cannot be run in DOS mode.", 78, "latin1");
  return bytes;
}

test("security records a SOC 2 Type II report that ended 15 months ago and sees it flagged stale", async ({ page, browser }) => {
  const vendor = await vendorMadeByProcurement(browser, "Stale Assurance", { industry: "Fintech" });
  await signInAs(page, "security");
  await page.goto(`/vendors/${vendor.id}/assurance`);

  const periodEnd = utcDay(-15);
  const report = {
    id: "expected",
    type: "type2" as const,
    periodStart: utcDay(-27, 1),
    periodEnd,
    issueDate: utcDay(-14),
    auditor: "Ledger & Tally LLP",
    opinion: "unqualified" as const,
    exceptionCount: 0,
    carvedOutSubservices: [],
  };

  await page.getByRole("link", { name: "Add SOC 2 report" }).click();
  const form = page.getByRole("form", { name: "Add SOC 2 report" });
  await form.getByLabel("Report type").selectOption("type2");
  await form.getByLabel("Audit period start").fill(report.periodStart);
  await form.getByLabel("Audit period end").fill(report.periodEnd);
  await form.getByLabel("Report issue date").fill(report.issueDate);
  await form.getByLabel("Audit firm").fill(report.auditor);
  await form.getByLabel("Auditor's opinion").selectOption("unqualified");
  await form.getByLabel("Number of exceptions").fill("0");
  await form.getByRole("button", { name: "Add SOC 2 report" }).click();

  await expect(page).toHaveURL(new RegExp(`/vendors/${vendor.id}/assurance#record-`));
  const row = page.locator("tr", { hasText: report.auditor });
  await expect(row).toContainText("Type II");
  await expect(row.locator(".badge", { hasText: "Stale" })).toBeVisible();

  // The expected wording comes from the SOC 2 rule itself, run on the same report
  // with the default settings the demo installation uses (stale after 14 months).
  const dossier = {
    profile: { dataCategories: [], accessLevel: "read_only", industries: ["fintech"] },
    soc2Reports: [report],
  } as unknown as Dossier;
  const stale = soc2Rules(makeRuleContext(dossier, DEFAULT_SETTINGS, new Date())).find((f) => f.code === "soc2.stale");
  expect(stale, "the rule must call a 15-month-old report stale").toBeDefined();
  expect(stale!.message).toContain(`more than the ${DEFAULT_SETTINGS.assurance.soc2StaleMonths} months allowed`);

  await sectionTab(page, "Overview").click();
  const findings = page.locator("#findings");
  const item = findings.locator("li.finding", { hasText: stale!.message });
  await expect(item).toBeVisible();
  await expect(item).toContainText("stale");
  await expect(item).toContainText(`ended on ${formatDayForPeople(periodEnd)}`);
  await expect(item).toContainText(`at most ${DEFAULT_SETTINGS.assurance.soc2StaleMonths} months since period end`);
  // Fintech engagement → High tier → a lapsed report is a high finding.
  await expect(page.locator("#findings-high")).toContainText(stale!.message);

  // The evidence timeline shows the report as stale, with the relative wording.
  const timeline = page.getByRole("region", { name: "Evidence timeline" });
  await expect(timeline.getByRole("img", { name: /Evidence validity timeline/ })).toBeVisible();
  await expect(timeline.locator("tr", { hasText: report.auditor })).toContainText(/Stale\s+stale for/);
});

test("security uploads a PDF, sees its SHA-256, and a renamed .exe is refused", async ({ page, browser }) => {
  const vendor = await vendorMadeByProcurement(browser, "Evidence Upload");
  await signInAs(page, "security");
  await page.goto(`/vendors/${vendor.id}/evidence`);
  await expect(sectionTab(page, /^Evidence/)).toHaveAttribute("aria-current", "page");

  const pdf = minimalPdf(randomUUID());
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  const upload = page.getByRole("form", { name: "Upload evidence" });
  await upload.getByLabel("File").setInputFiles({ name: "soc2-report-2025.pdf", mimeType: "application/pdf", buffer: pdf });
  await upload.getByLabel("Kind of document").selectOption("soc2_report");
  await upload.getByLabel("Effective date").fill(utcDay(-2));
  await upload.getByRole("button", { name: "Upload" }).click();

  await expect(upload.getByRole("status")).toContainText("Uploaded");
  await expect(upload.getByRole("status")).toContainText(sha256);
  const row = page.locator("tr", { hasText: "soc2-report-2025.pdf" });
  await expect(row).toBeVisible();
  const hash = row.locator("code.sha");
  await expect(hash).toContainText(sha256.slice(0, 12));
  await expect(hash).toHaveAttribute("title", sha256);
  await expect(row).toContainText("SOC 2 report");
  await expect(row.getByRole("link", { name: "Download soc2-report-2025.pdf" })).toHaveAttribute("href", /\/api\/evidence\//);

  // An executable renamed to .pdf: refused from its content, the message next to the file input.
  await upload.getByLabel("File").setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: fakeExe() });
  await upload.getByLabel("Kind of document").selectOption("other");
  await upload.getByLabel("Effective date").fill(utcDay(-1));
  await upload.getByRole("button", { name: "Upload" }).click();
  const fileInput = upload.getByLabel("File");
  await expect(fileInput).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await fileInput.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-file-error"));
  expect(errorId).toBeTruthy();
  const error = page.locator(`[id="${errorId}"]`);
  await expect(error).toContainText("Windows executable");
  await expect(error).toContainText("cannot be uploaded");
  await expect(page.locator("tr", { hasText: "invoice.pdf" })).toHaveCount(0);
  // What was typed stays for the next try.
  await expect(upload.getByLabel("Kind of document")).toHaveValue("other");
});

test("an upload whose answer never arrives does not claim that nothing was stored", async ({ page, browser }) => {
  const vendor = await vendorMadeByProcurement(browser, "Lost Answer");
  await signInAs(page, "security");
  await page.goto(`/vendors/${vendor.id}/evidence`);
  // The connection drops before any answer: the server may or may not have committed the file.
  await page.route(`**/api/vendors/${vendor.id}/evidence**`, (route) => route.abort("connectionreset"));
  const upload = page.getByRole("form", { name: "Upload evidence" });
  await upload.getByLabel("File").setInputFiles({ name: "lost.pdf", mimeType: "application/pdf", buffer: minimalPdf(randomUUID()) });
  await upload.getByLabel("Kind of document").selectOption("other");
  await upload.getByLabel("Effective date").fill(utcDay(-1));
  await upload.getByRole("button", { name: "Upload" }).click();
  const fileInput = upload.getByLabel("File");
  await expect(fileInput).toHaveAttribute("aria-invalid", "true");
  const errorId = ((await fileInput.getAttribute("aria-describedby")) ?? "").split(" ").find((id) => id.endsWith("-file-error"));
  const error = page.locator(`[id="${errorId}"]`);
  await expect(error).toContainText("could not confirm whether the file was stored");
  await expect(error).not.toContainText("Nothing was saved");
});
