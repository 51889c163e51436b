import { dueDayInstant } from "@/lib/domain/assessments/next-due";
import { createAssessmentSchema } from "@/lib/schemas/assessment";
import type { Actor } from "../../actor";
import { recordAudit } from "../../audit";
import { requirePermission } from "../../authorize";
import { Prisma, type Tx } from "../../db";
import { AppError, notFound } from "../../errors";
import { inTransaction } from "../../transaction";
import { parseInput } from "../../validation";
import { computeSnapshot } from "./snapshot";

// The only writer of an assessment's frozen columns (docs/rules.md §8): see snapshot.ts.

/** JSON round trip: exactly what the Json columns will hold (Dates → ISO strings, undefined dropped). */
function asJson<T>(value: T): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Procurement freezes a new version: version n+1 of the vendor's assessments,
 * in draft. Used for the first assessment and for every re-score.
 */
export async function createAssessment({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }, tx?: Tx) {
  requirePermission(actor, "assessment.create");
  const { vendorId } = parseInput(createAssessmentSchema, input);
  try {
    return await inTransaction(tx, async (tx) => {
      const snapshot = await computeSnapshot(tx, vendorId, now);
      if (!snapshot) throw notFound("Vendor not found.");
      const previous = await tx.assessment.findFirst({ where: { vendorId }, orderBy: { version: "desc" }, select: { id: true, version: true, state: true } });
      const version = (previous?.version ?? 0) + 1;
      const assessment = await tx.assessment.create({
        data: {
          vendorId,
          version,
          state: "draft",
          dossier: asJson(snapshot.dossier),
          settings: asJson(snapshot.settings),
          findings: asJson(snapshot.findings),
          score: asJson(snapshot.score),
          overall: snapshot.score.final,
          rating: snapshot.score.rating.band,
          createdById: actor.id,
          createdAt: now,
          nextDueAt: dueDayInstant(snapshot.nextDue.date),
        },
      });
      await recordAudit(tx, actor, {
        action: previous ? "assessment.rescore" : "assessment.create",
        entityType: "assessment",
        entityId: assessment.id,
        vendorId,
        after: {
          version,
          previousVersion: previous?.version ?? null,
          state: "draft",
          score: snapshot.score.final,
          rating: snapshot.score.rating.band,
          findings: snapshot.findings.length,
          nextDueAt: snapshot.nextDue.date,
          nextDueBasis: snapshot.nextDue.basis,
        },
      });
      return assessment;
    });
  } catch (error) {
    // Two creations racing for the same version number: the loser hits @@unique([vendorId, version]).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone else created an assessment of this vendor at the same moment. Reload to see it.");
    }
    throw error;
  }
}
