"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { searchTerms } from "@/lib/domain/search/search-terms";
import { SEARCH_KIND_LABELS, SEARCH_TEXT_MAX } from "@/lib/schemas/search";
import type { SearchHit, SearchResults } from "@/lib/schemas/views/search";
import { searchHitHref } from "./search-href";
import { countText } from "./search-count";
import "./search.css";

/** Typing "/" anywhere outside a field jumps here, as on GitHub or MDN. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

const LISTBOX_ID = "global-search-listbox";
const optionId = (index: number) => `global-search-option-${index}`;
/** Wait this long after the last keystroke before asking the server. */
const TYPING_PAUSE_MS = 200;

/**
 * The shell's one search box. A plain GET form to /search, so Enter shows
 * every result, before JavaScript loads too; while typing, a combobox (WAI-ARIA
 * APG "combobox with listbox popup") lists the top matches of each kind:
 * arrow keys move through them, Enter opens the one chosen, Escape closes.
 */
export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  // On the results page the box shows what was searched for; elsewhere it starts empty.
  const current = pathname === "/search" ? (params.get("q") ?? "") : "";
  const [text, setText] = useState(current);
  const [syncedWith, setSyncedWith] = useState(current);
  const [openOn, setOpenOn] = useState(pathname);
  const [results, setResults] = useState<SearchResults | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inflight = useRef<AbortController | null>(null);

  // The box follows the results page's query (and empties when leaving it);
  // other navigations, such as a redirect while someone types, keep the text.
  if (syncedWith !== current) {
    setSyncedWith(current);
    setText(current);
  }
  // A new page closes the popup.
  if (openOn !== pathname) {
    setOpenOn(pathname);
    setOpen(false);
    setActive(-1);
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      clearTimeout(timer.current);
      inflight.current?.abort();
    };
  }, []);

  const groups = results?.groups.filter((g) => g.hits.length > 0) ?? [];
  const options: SearchHit[] = groups.flatMap((g) => g.hits);
  const expanded = open && options.length > 0;
  const answered = open && results !== null && results.terms.length > 0;

  async function load(value: string) {
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    try {
      const response = await fetch(`/api/search?${new URLSearchParams({ q: value })}`, { signal: controller.signal });
      // A refused or failed lookup leaves the form: Enter still shows the full results or the error.
      if (!response.ok) return setResults(null);
      setResults((await response.json()) as SearchResults);
      setActive(-1);
      setOpen(true);
    } catch {
      /* aborted by a newer keystroke, or offline: nothing to show */
    }
  }

  function onChange(value: string) {
    setText(value);
    setActive(-1);
    clearTimeout(timer.current);
    if (searchTerms(value).length === 0) {
      inflight.current?.abort();
      setResults(null);
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => void load(value), TYPING_PAUSE_MS);
  }

  function go(hit: SearchHit) {
    setOpen(false);
    setActive(-1);
    router.push(searchHitHref(hit));
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((was) => (was === -1 && step === -1 ? options.length - 1 : (was + step + options.length) % options.length));
    } else if (event.key === "Enter" && expanded && active >= 0 && options[active]) {
      event.preventDefault();
      go(options[active]);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  let index = 0;
  return (
    <form role="search" action="/search" method="get" className="shell-search" aria-label="Find anything">
      <label htmlFor="global-search" className="sr-only">Find vendors, contracts, evidence, remediation items and findings</label>
      <input
        ref={input}
        id="global-search"
        type="search"
        name="q"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={LISTBOX_ID}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => results && searchTerms(text).length > 0 && setOpen(true)}
        maxLength={SEARCH_TEXT_MAX}
        placeholder="Search vendors, contracts, evidence…"
        aria-keyshortcuts="/"
        aria-describedby="global-search-hint"
        autoComplete="off"
      />
      <span id="global-search-hint" className="sr-only">Press slash to come back here from anywhere. Enter shows every result.</span>
      <kbd aria-hidden="true" className="shell-search-key">/</kbd>
      <div id={LISTBOX_ID} role="listbox" aria-label="Top matches" className="shell-search-popup" hidden={!expanded}>
        {groups.map((group) => (
          <div key={group.kind} role="group" aria-labelledby={`${LISTBOX_ID}-${group.kind}`}>
            <div id={`${LISTBOX_ID}-${group.kind}`} className="shell-search-group" role="presentation">
              {SEARCH_KIND_LABELS[group.kind]} ({countText(group)})
            </div>
            {group.hits.map((hit) => {
              const i = index++;
              return (
                <div
                  key={hit.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className="shell-search-option"
                  // Keep focus in the box, so choosing with the mouse does not close the popup first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => go(hit)}
                >
                  {hit.title}
                  {hit.kind !== "vendor" ? <span className="muted"> · {hit.vendorName}</span> : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {/* A live region without role="status": the page keeps the one status message forms announce in (tests and assistive tech find that one). */}
      <span aria-live="polite" aria-atomic="true" className="sr-only">
        {answered ? (options.length === 0 ? "Nothing matches." : `${options.length} top matches. Arrow down to choose one, or Enter for every result.`) : ""}
      </span>
    </form>
  );
}
