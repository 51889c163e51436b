import { compareAssessments, type AssessmentComparison } from "@/lib/domain/assessments/compare-assessments";
import { compareQuerySchema } from "@/lib/schemas/assessment";
import type { Actor } from "../../actor";
import { requirePermission } from "../../authorize";
import { db } from "../../db";
import { AppError, notFound } from "../../errors";
import { parseInput } from "../../validation";
import { snapshotOf, type AssessmentRow } from "./snapshot";

/** Two versions of one vendor's assessment side by side. */
export async function compareAssessmentVersions({ actor, input }: { actor: Actor; input: unknown }): Promise<{
  vendor: { id: string; name: string };
  comparison: AssessmentComparison;
  versions: { id: string; version: number }[];
}> {
  requirePermission(actor, "assessment.read");
  const { a, b } = parseInput(compareQuerySchema, input);
  const rows = await db().assessment.findMany({ where: { id: { in: [a, b] } } });
  const first = rows.find((r) => r.id === a);
  const second = rows.find((r) => r.id === b);
  if (!first || !second) throw notFound("Assessment not found.");
  if (first.vendorId !== second.vendorId) throw new AppError("VALIDATION", "Compare two versions of the same vendor's assessment.", { b: "Choose a version of the same vendor" });
  const [vendor, versions] = await Promise.all([
    db().vendor.findUniqueOrThrow({ where: { id: first.vendorId }, select: { id: true, name: true } }),
    db().assessment.findMany({ where: { vendorId: first.vendorId }, orderBy: { version: "desc" }, select: { id: true, version: true } }),
  ]);
  const side = (row: AssessmentRow) => ({ id: row.id, version: row.version, createdAt: row.createdAt, ...snapshotOf(row) });
  return { vendor, comparison: compareAssessments(side(first), side(second)), versions };
}

