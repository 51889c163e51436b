import type { Finding } from "@/lib/domain/findings/finding";
import { SEVERITY_RANK } from "@/lib/domain/vocabulary";
import { SEVERITY_LABELS } from "./findings-summary";
import { findingHref } from "./tabs";

/**
 * The findings about the records on one tab, worst first, so the reason a
 * row is flagged is in words next to the data and not only on the overview.
 */
export function TabFindings({ vendorId, findings, subjectKinds, title = "Findings on this tab" }: { vendorId: string; findings: readonly Finding[]; subjectKinds: readonly string[]; title?: string }) {
  const mine = findings.filter((f) => subjectKinds.includes(f.subject.kind)).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  if (mine.length === 0) {
    return <p className="tab-findings-none"><span className="badge status-ok">No findings</span> on this tab.</p>;
  }
  return (
    <section className="tab-findings-panel" aria-labelledby="tab-findings-heading">
      <h2 id="tab-findings-heading">{title} <span className="muted count">({mine.length})</span></h2>
      <ul className="compact-findings">
        {mine.map((f, i) => {
          const target = findingHref(vendorId, f.subject);
          return (
            <li key={`${f.code}-${f.subject.id ?? ""}-${i}`} className={`compact-finding compact-finding-${f.severity}`}>
              <span className={`badge sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>{" "}
              <span>{f.message}</span>
              {target && f.subject.id ? (
                <>
                  {" "}
                  <a href={`#${target.href.split("#")[1] ?? ""}`} className="finding-jump">Show record<span className="sr-only">: {f.subject.label ?? f.subject.kind}</span></a>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
