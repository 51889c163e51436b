import Link from "next/link";
import { SEARCH_KIND_LABELS, type SearchKind } from "@/lib/schemas/search";
import type { SearchGroup, SearchHit } from "@/lib/schemas/views/search";
import { countText } from "./search-count";
import { searchHitHref } from "./search-href";
import "./search.css";

function HitItem({ hit }: { hit: SearchHit }) {
  return (
    <li>
      <Link href={searchHitHref(hit)}>{hit.title}</Link>
      {hit.detail && hit.detail !== hit.title ? <span className="muted"> · {hit.detail}</span> : null}
      {hit.kind !== "vendor" ? <div className="muted">{hit.vendorName}</div> : null}
    </li>
  );
}

/**
 * One kind's hits under a heading with its count. `moreHref` links to every
 * hit of the kind when the overview shows only the first few.
 */
export function SearchGroupSection({ group, moreHref }: { group: SearchGroup; moreHref?: string }) {
  const headingId = `search-${group.kind}`;
  const label = SEARCH_KIND_LABELS[group.kind as SearchKind];
  return (
    <section className="card search-group" aria-labelledby={headingId} data-kind={group.kind}>
      <h2 id={headingId}>
        {label} <span className="muted count">({countText(group)})</span>
      </h2>
      {group.hits.length === 0 ? (
        <p className="muted">No {label.toLowerCase()} match.</p>
      ) : (
        <ul className="search-hits">
          {group.hits.map((hit) => (
            <HitItem key={hit.id} hit={hit} />
          ))}
        </ul>
      )}
      {moreHref && group.total > group.hits.length ? (
        <p>
          <Link href={moreHref}>Show all {countText(group)} {label.toLowerCase()}</Link>
        </p>
      ) : null}
    </section>
  );
}
