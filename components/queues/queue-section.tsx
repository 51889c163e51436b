import { Pagination } from "@/components/ui/pagination";

/**
 * One section of a work queue: a heading with its count, the rows (or what
 * "nothing to do" looks like), and its own pager, so several sections page
 * independently on one page.
 */
export function QueueSection({
  id,
  title,
  total,
  page,
  pageSize,
  params,
  basePath,
  empty,
  children,
}: {
  id: string;
  title: string;
  total: number;
  page: number;
  pageSize: number;
  params: Record<string, string>;
  basePath: string;
  empty: string;
  children: React.ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid={`queue-${id}`}>
      <h2 id={`${id}-heading`}>
        {title} <span className="muted count">({total})</span>
      </h2>
      {total === 0 ? <p className="empty-inline">{empty}</p> : children}
      {total > pageSize ? <Pagination page={page} pageSize={pageSize} total={total} params={params} basePath={basePath} pageParam={`${id}Page`} label={`${title}: pages`} /> : null}
    </section>
  );
}
