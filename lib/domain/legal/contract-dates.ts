import { addDaysToDay } from "../dates";

/**
 * The last day to give notice before a contract's term ends (docs/rules.md
 * §4): the term end minus the notice period, in calendar days; the term end
 * itself when no notice period is recorded. None without a term end. Stored
 * on the contract row so the portfolio calendar can ask for every notice
 * deadline in a range with one indexed query.
 */
export function contractNoticeDeadline(contract: { termEnd?: string; noticePeriodDays?: number }): string | undefined {
  if (!contract.termEnd) return undefined;
  return addDaysToDay(contract.termEnd, -(contract.noticePeriodDays ?? 0));
}
