import type { Finding } from "@/lib/domain/findings/finding";
import { findingsFor } from "@/lib/domain/findings/dossier-findings";
import type { Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/schemas/settings";
import { NOW } from "./dossier-builder";

/** Findings whose code starts with one of the prefixes (isolates one rule family). */
export function findingsOf(
  dossier: Dossier,
  prefixes: string | string[],
  options: { now?: Date | string; settings?: Settings } = {},
): Finding[] {
  const now = typeof options.now === "string" ? new Date(`${options.now}T12:00:00Z`) : (options.now ?? NOW);
  const list = Array.isArray(prefixes) ? prefixes : [prefixes];
  return findingsFor(dossier, options.settings ?? DEFAULT_SETTINGS, now).filter((f) => list.some((p) => f.code.startsWith(p)));
}

/** "code:severity" pairs, compact to compare in tables. */
export function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.code}:${f.severity}`);
}

export function withSettings(patch: (s: Settings) => void): Settings {
  const copy = structuredClone(DEFAULT_SETTINGS);
  patch(copy);
  return copy;
}
