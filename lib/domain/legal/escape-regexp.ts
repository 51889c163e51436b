/** A literal string for use inside a regular expression (a party's name, a defined term). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
