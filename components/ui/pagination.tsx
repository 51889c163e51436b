import Link from "next/link";

interface Props {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string>;
  basePath: string;
  /** The query parameter holding the page, when a page has several paged sections. */
  pageParam?: string;
  /** Names the navigation when a page has several. */
  label?: string;
}

export function Pagination({ page, pageSize, total, params, basePath, pageParam = "page", label = "Pagination" }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...params, [pageParam]: String(p) })}`;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={label}>
      <span className="muted">Showing {first}–{last} of {total}</span>
      <span className="form-actions">
        {page > 1 ? <Link className="btn btn-small" href={href(page - 1)} rel="prev">Previous</Link> : null}
        <span>Page {page} of {pages}</span>
        {page < pages ? <Link className="btn btn-small" href={href(page + 1)} rel="next">Next</Link> : null}
      </span>
    </nav>
  );
}
