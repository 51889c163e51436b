import { createHash } from "node:crypto";
import { checkLogoImage } from "@/lib/domain/uploads/logo-image";
import type { ReportLogo } from "@/lib/domain/assessments/assessment-report";
import { organisationNameSchema } from "@/lib/schemas/organisation";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";

// The organisation's name and logo, printed on the cover of every assessment
// PDF. Kept beside the settings row but outside the settings JSON: the
// settings are frozen into each assessment snapshot, and renaming the
// organisation must not make every snapshot read as "older than the dossier".
// The logo is stored in the database (so every instance serves the same
// one), never on a path chosen by the upload, and only after its bytes are
// checked (lib/domain/uploads/logo-image.ts).

export interface OrganisationBranding {
  name: string;
  logo: (ReportLogo & { sha256: string }) | null;
}

const DEFAULT_NAME = "Assay demo organisation";

/** For the PDF and the settings page; callers check their own permission. */
export async function loadOrganisationBranding(client: Tx = db()): Promise<OrganisationBranding> {
  const row = await client.orgSettings.findUnique({ where: { id: 1 }, select: { orgName: true, logo: true, logoMimeType: true, logoSha256: true } });
  const stored = row?.logoMimeType;
  const mimeType: ReportLogo["mimeType"] | null = stored === "image/png" || stored === "image/jpeg" ? stored : null;
  const logo = row?.logo && mimeType ? { data: new Uint8Array(row.logo), mimeType, sha256: row.logoSha256 ?? "" } : null;
  return { name: row?.orgName ?? DEFAULT_NAME, logo };
}

export async function getOrganisationForEdit({ actor }: { actor: Actor }): Promise<{ name: string; logo: { mimeType: string; bytes: number; sha256: string } | null }> {
  requirePermission(actor, "settings.read");
  const branding = await loadOrganisationBranding();
  return { name: branding.name, logo: branding.logo ? { mimeType: branding.logo.mimeType, bytes: branding.logo.data.length, sha256: branding.logo.sha256 } : null };
}

/** The settings row may not exist yet (defaults in force): create it with the default settings JSON. */
async function ensureRow(t: Tx): Promise<void> {
  await t.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, settings: {} }, update: {} });
}

export async function updateOrganisationName({ actor, input }: { actor: Actor; input: unknown }): Promise<{ name: string }> {
  requirePermission(actor, "settings.manage");
  const { name } = parseInput(organisationNameSchema, input);
  return db().$transaction(async (t) => {
    await ensureRow(t);
    const before = await t.orgSettings.findUniqueOrThrow({ where: { id: 1 }, select: { orgName: true } });
    await t.orgSettings.update({ where: { id: 1 }, data: { orgName: name } });
    await recordAudit(t, actor, { action: "organisation.rename", entityType: "settings", entityId: "1", before: { name: before.orgName }, after: { name } });
    return { name };
  });
}

/** Replaces the logo. The bytes are checked before anything is written; the audit event records the hash, not the image. */
export async function uploadOrganisationLogo({ actor, file }: { actor: Actor; file: { name: string; bytes: Uint8Array } }): Promise<{ sha256: string }> {
  requirePermission(actor, "settings.manage");
  const check = checkLogoImage(file.bytes);
  if (!check.ok) throw new AppError("VALIDATION", check.message, { logo: check.message });
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return db().$transaction(async (t) => {
    await ensureRow(t);
    const before = await t.orgSettings.findUniqueOrThrow({ where: { id: 1 }, select: { logoSha256: true, logoMimeType: true } });
    await t.orgSettings.update({ where: { id: 1 }, data: { logo: Buffer.from(file.bytes), logoMimeType: check.mimeType, logoSha256: sha256 } });
    await recordAudit(t, actor, {
      action: "organisation.logo_upload",
      entityType: "settings",
      entityId: "1",
      before: before.logoSha256 ? { sha256: before.logoSha256, mimeType: before.logoMimeType } : null,
      after: { sha256, mimeType: check.mimeType, bytes: file.bytes.length, width: check.width, height: check.height, fileName: file.name.slice(0, 200) },
    });
    return { sha256 };
  });
}

export async function removeOrganisationLogo({ actor }: { actor: Actor }): Promise<void> {
  requirePermission(actor, "settings.manage");
  await db().$transaction(async (t) => {
    await ensureRow(t);
    const before = await t.orgSettings.findUniqueOrThrow({ where: { id: 1 }, select: { logoSha256: true, logoMimeType: true } });
    // Nothing to remove is not a change: no write, no audit event.
    if (!before.logoSha256) throw new AppError("INVALID_STATE", "There is no logo to remove.");
    await t.orgSettings.update({ where: { id: 1 }, data: { logo: null, logoMimeType: null, logoSha256: null } });
    await recordAudit(t, actor, { action: "organisation.logo_remove", entityType: "settings", entityId: "1", before: before.logoSha256 ? { sha256: before.logoSha256, mimeType: before.logoMimeType } : null, after: null });
  });
}
