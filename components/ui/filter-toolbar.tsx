import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A list's filter form: a plain GET form, so filters live in the URL and a
 * filtered list can be bookmarked or shared. `keep` carries the current order
 * over (hidden inputs); Clear appears once a filter is set.
 */
export function FilterToolbar({ label, clearHref, filtered, keep = {}, children }: { label: string; clearHref: string; filtered: boolean; keep?: Record<string, string>; children: ReactNode }) {
  return (
    <form className="toolbar" method="get" role="search" aria-label={label}>
      {children}
      {Object.entries(keep).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button className="btn" type="submit">Apply</button>
      {filtered ? <Link className="btn" href={clearHref}>Clear</Link> : null}
    </form>
  );
}
