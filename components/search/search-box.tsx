"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { SEARCH_TEXT_MAX } from "@/lib/schemas/search";
import "./search.css";

/** Typing "/" anywhere outside a field jumps here, as on GitHub or MDN. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The shell's one search box: a plain GET form to /search, so it works
 * before JavaScript loads and the results page has an address to share.
 */
export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const pathname = usePathname();
  const params = useSearchParams();
  // On the results page the box shows what was searched for; elsewhere it starts empty.
  const current = pathname === "/search" ? (params.get("q") ?? "") : "";

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <form role="search" action="/search" method="get" className="shell-search" aria-label="Find anything">
      <label htmlFor="global-search" className="sr-only">Find vendors, contracts, evidence and remediation items</label>
      <input
        key={current}
        ref={input}
        id="global-search"
        type="search"
        name="q"
        defaultValue={current}
        maxLength={SEARCH_TEXT_MAX}
        placeholder="Search vendors, contracts, evidence…"
        aria-keyshortcuts="/"
        aria-describedby="global-search-hint"
        autoComplete="off"
      />
      <span id="global-search-hint" className="sr-only">Press slash to come back here from anywhere.</span>
      <kbd aria-hidden="true" className="shell-search-key">/</kbd>
    </form>
  );
}
