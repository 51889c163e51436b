import type { z } from "zod";
import { AppError } from "./errors";

/**
 * Server-side validation with the same schema the form used. Field errors come
 * back keyed by field path so the form can show each next to its input.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  throw new AppError("VALIDATION", "Check the highlighted fields.", fieldErrors);
}
