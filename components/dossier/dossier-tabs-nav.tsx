"use client";

import Link from "next/link";
import { useSelectedLayoutSegments } from "next/navigation";
import { isRecordKind } from "@/lib/schemas/dossier-record-kinds";
import type { Severity } from "@/lib/domain/vocabulary";
import { DOSSIER_TABS, TAB_OF_RECORD_KIND, tabHref, type DossierTab } from "./tabs";

export interface TabSummary {
  findings: number;
  worst?: Severity;
}

/** Which tab a path below the vendor belongs to; record forms belong to their kind's tab. */
function currentTab(segments: string[]): DossierTab | null {
  const visible = segments.filter((s) => !s.startsWith("("));
  const [first, second] = visible;
  if (first === undefined) return "";
  if (first === "records") return second && isRecordKind(second) ? TAB_OF_RECORD_KIND[second] : null;
  return DOSSIER_TABS.find((t) => t.segment === first)?.segment ?? null;
}

/**
 * The vendor's sections as links (each is its own URL, so they work without
 * script, can be bookmarked and are announced as links, not an ARIA tab widget).
 */
export function DossierTabsNav({ vendorId, summaries }: { vendorId: string; summaries: Record<string, TabSummary> }) {
  const segments = useSelectedLayoutSegments();
  const active = currentTab(segments);
  return (
    <nav className="dossier-tabs" aria-label="Vendor sections">
      <ul>
        {DOSSIER_TABS.map((tab) => {
          const summary = summaries[tab.segment];
          const isActive = active === tab.segment;
          // Exact match for aria-current="page"; a record form under a tab is "location" inside it.
          const onTabPage = isActive && (segments.filter((s) => !s.startsWith("(")).length <= 1);
          return (
            <li key={tab.segment}>
              <Link
                href={tabHref(vendorId, tab.segment)}
                aria-current={isActive ? (onTabPage ? "page" : "location") : undefined}
                className={isActive ? "active" : undefined}
              >
                {tab.label}
                {summary && summary.findings > 0 && summary.worst ? (
                  <span className={`tab-findings sev-${summary.worst}`} title={`${summary.findings} finding${summary.findings === 1 ? "" : "s"}, worst: ${summary.worst}`}>
                    <span aria-hidden="true">{summary.findings}</span>
                    <span className="sr-only">, {summary.findings} finding{summary.findings === 1 ? "" : "s"}, worst {summary.worst}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
