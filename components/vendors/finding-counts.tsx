const ORDER = [
  ["blockerCount", "blocker", "blockers"],
  ["highCount", "high", "high"],
  ["mediumCount", "medium", "medium"],
  ["lowCount", "low", "low"],
] as const;

type Counts = { blockerCount: number; highCount: number; mediumCount: number; lowCount: number };

/** Compact severity counts; the screen-reader text spells them out. */
export function FindingCounts({ counts }: { counts: Counts }) {
  const shown = ORDER.filter(([key]) => counts[key] > 0);
  if (shown.length === 0) return <span className="badge status-ok">No findings</span>;
  return (
    <span className="finding-counts">
      {shown.map(([key, sev, word]) => (
        <span key={key} className={`badge sev-${sev}`} title={`${counts[key]} ${word}`}>
          {counts[key]} {sev === "blocker" ? (counts[key] === 1 ? "blocker" : "blockers") : sev}
        </span>
      ))}
    </span>
  );
}
