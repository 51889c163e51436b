// The legal family of the findings engine (lib/domain/findings/dossier-findings.ts): clause
// checklist, DPA, transfers, contract term and sub-processors, computed by
// legalFindingsFor over dossier.legal with the vendor's context.
import type { Finding } from "../finding";
import type { RuleContext } from "./context";
import { legalContextFor } from "../../legal/legal-context";
import { legalFindingsFor } from "../../legal/legal-findings";

export function legalRules(ctx: RuleContext): Finding[] {
  const context = legalContextFor(ctx.dossier, ctx.settings, ctx.tier.tier);
  return legalFindingsFor(ctx.dossier.legal, context, ctx.settings, ctx.now);
}
