"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/schemas/action-result";
import { placeServerFieldErrors } from "./server-field-errors";

interface Options<TSchema extends z.ZodType<FieldValues, FieldValues>, TData> {
  schema: TSchema;
  defaultValues: DefaultValues<z.input<TSchema>>;
  /**
   * The server action. It gets the form's values as typed (the schema's input),
   * not the parsed output: it parses them again with the same schema, and a
   * transform's output (say "" → null) is not always valid input.
   */
  action: (input: z.input<TSchema>) => Promise<ActionResult<TData>>;
  /** What the announced status says after a save; null when the page navigates away instead. */
  successMessage?: (data: TData, values: z.output<TSchema>) => string | null;
  onSuccess?: (data: TData, values: z.output<TSchema>) => void;
  /** Server path → form field; null drops it. Defaults to the path itself. */
  toField?: (path: string) => string | null;
  mode?: "onSubmit" | "onBlur" | "onChange" | "onTouched" | "all";
  /** Client-side validation failed; returns the form-level error to show, if any. */
  onInvalid?: (errors: FieldErrors<z.input<TSchema>>) => string | null;
}

/**
 * One react-hook-form + zod form bound to a server action. A failed save puts
 * each server field error next to its field (focusing the first), shows the
 * form-level error and keeps everything typed; a successful save moves focus to
 * a polite status message so a screen reader hears the outcome instead of focus
 * falling to <body> when the button re-renders (docs/security.md asks for
 * failures that are visible and nothing lost).
 */
export function useActionForm<TSchema extends z.ZodType<FieldValues, FieldValues>, TData = undefined>(options: Options<TSchema, TData>) {
  type Input = z.input<TSchema>;
  type Output = z.output<TSchema>;
  const { schema, defaultValues, action, successMessage, onSuccess, toField, mode, onInvalid } = options;
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema as never) as unknown as Resolver<Input, unknown, Output>,
    defaultValues,
    mode,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; at: number } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  // Focus follows the status after it renders (the submit button is disabled while saving, so it cannot keep focus).
  useEffect(() => {
    if (status) statusRef.current?.focus();
  }, [status]);

  const onValid = useCallback(
    async (values: Output) => {
      setFormError(null);
      setStatus(null);
      const result = await action(form.getValues());
      if (result.ok) {
        const text = successMessage?.(result.data, values) ?? null;
        onSuccess?.(result.data, values);
        if (text) setStatus({ text, at: Date.now() });
        return;
      }
      const { placed, unplaced } = placeServerFieldErrors(result.fieldErrors, toField);
      placed.forEach(({ name, message }, index) => form.setError(name as Path<Input>, { type: "server", message }, { shouldFocus: index === 0 }));
      setFormError([result.error, ...unplaced].join(" "));
    },
    [action, successMessage, onSuccess, toField, form],
  );

  const onClientInvalid = useCallback(
    (errors: FieldErrors<Input>) => {
      setStatus(null);
      setFormError(onInvalid?.(errors) ?? null);
    },
    [onInvalid],
  );

  return { form, formError, status: status?.text ?? null, statusRef, onSubmit: form.handleSubmit(onValid, onClientInvalid) };
}
