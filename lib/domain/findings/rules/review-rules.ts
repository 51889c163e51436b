import { describeElapsed, formatDayForPeople, isMoreThanMonthsAfter } from "../../dates";
import { TIER_LABELS } from "../../vocabulary";
import { latestBy, type FindingRule } from "./context";
import { SOURCES } from "./sources";

/**
 * Quarterly security reviews with the vendor's security lead, required for
 * Critical/High vendors. Overdue once more than cadenceElevatedMonths passed
 * since the last one (same month convention as SOC 2 staleness).
 */
export const reviewRules: FindingRule = (ctx) => {
  if (!ctx.elevated) return [];
  const cadence = ctx.settings.reviews.cadenceElevatedMonths;
  const tierLabel = TIER_LABELS[ctx.tier.tier];
  const last = latestBy(ctx.dossier.securityReviews, (r) => r.heldOn);
  if (!last) {
    return [
      {
        code: "review.none_held",
        severity: "medium",
        message: `No security review with the vendor has been recorded; ${tierLabel} vendors need one at least every ${cadence} months.`,
        observed: "no review recorded",
        threshold: `a review every ${cadence} months`,
        source: SOURCES.securityReviews,
        subject: { kind: "security_review" },
      },
    ];
  }
  if (!isMoreThanMonthsAfter(last.heldOn, cadence, ctx.now)) return [];
  const age = describeElapsed(last.heldOn, ctx.now);
  return [
    {
      code: "review.overdue",
      severity: "medium",
      message: `The last security review was held on ${formatDayForPeople(last.heldOn)}, ${age} ago; ${tierLabel} vendors need one at least every ${cadence} months.`,
      observed: `last held ${age} ago`,
      threshold: `at most ${cadence} months between reviews`,
      source: SOURCES.securityReviews,
      subject: { kind: "security_review", id: last.id, label: `Security review of ${formatDayForPeople(last.heldOn)}` },
    },
  ];
};
