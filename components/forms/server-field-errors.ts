/**
 * Server field errors arrive keyed by the zod issue path ("tier",
 * "override.reason", "sites.0.country"). This picks the ones the form can show
 * next to a field and drops "form" (the form-level message is shown on its own).
 * Pure, so the mapping is tested without rendering a form.
 */
export interface FieldErrorTarget {
  name: string;
  message: string;
}

export function serverFieldErrors(
  fieldErrors: Record<string, string> | undefined,
  /** Maps a server path to the form's field name; null drops it (a field the form does not render). */
  toField: (path: string) => string | null = (path) => path,
): FieldErrorTarget[] {
  const targets: FieldErrorTarget[] = [];
  for (const [path, message] of Object.entries(fieldErrors ?? {})) {
    if (path === "form" || !message) continue;
    const name = toField(path);
    if (name) targets.push({ name, message });
  }
  return targets;
}
