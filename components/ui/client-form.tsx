"use client";

import type { ComponentPropsWithRef } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A form whose submit is handled in script (react-hook-form, a server action
 * call). Until React has hydrated, its controls are disabled:
 * - a native submit before then would send the fields as a GET to the page's
 *   own URL, so a password would land in the address bar, the history and
 *   the server's logs;
 * - react-hook-form resets the fields to their defaults when it attaches, so
 *   anything typed before then would be silently lost.
 * `method="post"` keeps the values out of the URL even if a submit slipped
 * through. The fieldset has no box of its own (`display: contents`), so the
 * form's layout applies to its children as before.
 */
export function ClientForm({ children, ...props }: ComponentPropsWithRef<"form">) {
  const hydrated = useHydrated();
  return (
    <form method="post" {...props}>
      <fieldset className="client-form-controls" disabled={!hydrated}>
        {children}
      </fieldset>
    </form>
  );
}
