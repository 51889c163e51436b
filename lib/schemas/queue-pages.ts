import { z } from "zod";

// The page of each section of a work queue, from the URL (`<section>Page=2`).
// Anything unreadable is page 1, never an error.
const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);

export function queuePages<S extends string>(params: Record<string, string | undefined>, sections: readonly S[]): Record<S, number> {
  return Object.fromEntries(sections.map((s) => [s, pageNumber.parse(params[`${s}Page`] ?? 1)])) as Record<S, number>;
}

/** The pages as URL parameters, so one section's pager keeps the others where they are. */
export function queuePageParams(pages: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(pages).map(([s, page]) => [`${s}Page`, String(page)]));
}
