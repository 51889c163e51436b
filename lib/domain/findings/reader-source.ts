// Where a rule comes from, as a committee reader knows it (docs/rules.md):
// "AICPA SOC 2", "GDPR Art. 28(3)(h)", "organisation policy". Rule sources
// recorded in older snapshots may name the team's working documents (design
// notes, source articles, issue numbers); those mean "our own policy" to a
// reader and are printed as such, with the standard they concern.

const INTERNAL = /^(seed\s*\d+|domain\.md|issue\s*\d+|docs\/|assay\b)/i;

const STANDARDS: [RegExp, string][] = [
  [/\bSOC ?2\b/i, "AICPA SOC 2"],
  [/\bISO(\/IEC)? ?27001\b/i, "ISO/IEC 27001"],
];

export function readerSource(source: string | undefined): string {
  if (!source) return "organisation policy";
  const named: string[] = [];
  let policy = false;
  for (const raw of source.split(";")) {
    const part = raw.trim();
    if (!part) continue;
    if (INTERNAL.test(part)) {
      policy = true;
      for (const [pattern, name] of STANDARDS) if (pattern.test(part)) named.push(name);
    } else {
      named.push(part);
    }
  }
  if (policy) named.push("organisation policy");
  return [...new Set(named)].join("; ") || "organisation policy";
}
