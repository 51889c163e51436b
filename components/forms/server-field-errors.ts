/**
 * Server field errors arrive keyed by the zod issue path ("tier",
 * "override.reason", "sites.0.country"). Each one the form renders goes next to
 * its field; the rest ("form", or a field this form does not show) are
 * returned as unplaced so the form-level error can carry them: a refusal is
 * never silently dropped. Pure, so the mapping is tested without a browser.
 */
export interface PlacedFieldError {
  name: string;
  message: string;
}

export function placeServerFieldErrors(
  fieldErrors: Record<string, string> | undefined,
  /** Maps a server path to the form's field name; null when the form does not render it. */
  toField: (path: string) => string | null = (path) => path,
): { placed: PlacedFieldError[]; unplaced: string[] } {
  const placed: PlacedFieldError[] = [];
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(fieldErrors ?? {})) {
    if (!message) continue;
    const name = path === "form" ? null : toField(path);
    if (name) placed.push({ name, message });
    else unplaced.push(message);
  }
  return { placed, unplaced };
}
