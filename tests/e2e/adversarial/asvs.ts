// The results table: every check of the adversarial suite belongs to an OWASP
// ASVS 5.0 chapter. The suite prints one table per chapter (checks, passed)
// and the chapters or requirements it leaves out, with the reason. The same
// table is kept in docs/security.md; the suite fails when a check is missing
// from it, so the document cannot drift from what is tested.

export const CHAPTERS = {
  V1: "Encoding and Sanitization",
  V2: "Validation and Business Logic",
  V3: "Web Frontend Security",
  V4: "API and Web Service",
  V5: "File Handling",
  V6: "Authentication",
  V7: "Session Management",
  V8: "Authorization",
  V9: "Self-contained Tokens",
  V10: "OAuth and OIDC",
  V11: "Cryptography",
  V12: "Secure Communication",
  V13: "Configuration",
  V14: "Data Protection",
  V15: "Secure Coding and Architecture",
  V16: "Security Logging and Error Handling",
  V17: "WebRTC",
} as const;
export type Chapter = keyof typeof CHAPTERS;

/** What this suite does not test, and why. */
export const OUT_OF_SCOPE: Partial<Record<Chapter, string>> = {
  V1: "output escaping and formula-safe exports are tested in the unit and integration tiers; the fuzzer only proves script and formula payloads do not break the server",
  V10: "no OAuth or OIDC: Assay signs users in with its own credentials only",
  V11: "signatures, hashes and the audit chain are proven by the integration tests (tests/integration/pack, tests/integration/audit), not over HTTP",
  V12: "TLS is terminated by the operator's reverse proxy; the suite runs over loopback HTTP",
  V17: "Assay has no WebRTC",
};

export interface CheckResult {
  chapter: Chapter;
  id: string;
  title: string;
  passed: boolean;
  detail?: string;
}

export class Results {
  readonly checks: CheckResult[] = [];

  /** Records a check and returns whether it passed (the caller asserts). */
  record(chapter: Chapter, id: string, title: string, failures: string[]): boolean {
    this.checks.push({ chapter, id, title, passed: failures.length === 0, detail: failures.slice(0, 5).join("; ") || undefined });
    return failures.length === 0;
  }

  table(): string {
    const lines: string[] = [];
    for (const [chapter, name] of Object.entries(CHAPTERS) as [Chapter, string][]) {
      const mine = this.checks.filter((c) => c.chapter === chapter);
      if (!mine.length && !OUT_OF_SCOPE[chapter]) continue;
      lines.push(`\n${chapter} ${name}: ${mine.length} checks, ${mine.filter((c) => c.passed).length} passed${OUT_OF_SCOPE[chapter] ? ` (out of scope: ${OUT_OF_SCOPE[chapter]})` : ""}`);
      for (const c of mine) lines.push(`  ${c.passed ? "pass" : "FAIL"}  ${c.id.padEnd(34)} ${c.title}${c.detail ? `\n        ${c.detail}` : ""}`);
    }
    return lines.join("\n");
  }
}
