import Link from "next/link";
import { CONTRACT_TYPE_LABELS, type ContractType } from "@/lib/domain/legal/legal-vocabulary";
import { SEARCH_KIND_LABELS, type SearchKind } from "@/lib/schemas/search";
import type { SearchGroup, SearchHit } from "@/lib/schemas/views/search";
import { countText } from "./search-count";
import { searchHitHref } from "./search-href";
import "./search.css";

/** What a hit reads as: a contract's type by its label (an untitled contract is named by it). */
function hitText(hit: SearchHit): { title: string; detail: string | null } {
  if (hit.kind !== "contract" || !hit.detail) return { title: hit.title, detail: hit.detail && hit.detail !== hit.title ? hit.detail : null };
  const type = CONTRACT_TYPE_LABELS[hit.detail as ContractType] ?? hit.detail;
  return hit.title === hit.detail ? { title: type, detail: null } : { title: hit.title, detail: type };
}

function HitItem({ hit }: { hit: SearchHit }) {
  const { title, detail } = hitText(hit);
  return (
    <li>
      <Link href={searchHitHref(hit)}>{title}</Link>
      {detail ? <span className="muted"> · {detail}</span> : null}
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
