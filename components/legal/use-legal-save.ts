"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { placeServerFieldErrors } from "@/components/forms/server-field-errors";
import type { ActionResult } from "@/lib/schemas/action-result";

/**
 * The save step every legal form shares: send the record with the version it
 * was loaded at, put server field errors next to their inputs (renamed where
 * the form field differs from the schema path), keep a "changed by someone
 * else" refusal apart from other errors, and go back to the Legal tab.
 */
export function useLegalSave<T extends FieldValues>(
  form: UseFormReturn<T>,
  options: {
    /** Schema path → form field, for fields the form holds differently (amount in major units). */
    fieldMap?: Record<string, string>;
    /** Where to go after a successful save; stays on the page when absent. */
    afterSave?: (data: unknown) => string | undefined;
  } = {},
) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  async function save(send: () => Promise<ActionResult<unknown>>): Promise<boolean> {
    setFormError(null);
    setConflict(null);
    const result = await send();
    if (result.ok) {
      const next = options.afterSave?.(result.data);
      if (next) router.push(next);
      router.refresh();
      return true;
    }
    if (result.code === "CONFLICT") {
      setConflict(result.error);
      return false;
    }
    const { placed, unplaced } = placeServerFieldErrors(result.fieldErrors, (path) => {
      const name = options.fieldMap?.[path] ?? path;
      return name === "form" ? null : name;
    });
    placed.forEach(({ name, message }, index) => form.setError(name as Path<T>, { type: "server", message }, { shouldFocus: index === 0 }));
    setFormError([result.error, ...unplaced].join(" "));
    return false;
  }

  return { save, formError, conflict };
}
