import type { SearchGroup } from "@/lib/schemas/views/search";

/** "12", or "500+" when the group stopped counting (lib/server/search/query-source.ts). */
export function countText(group: Pick<SearchGroup, "total" | "capped">): string {
  return `${group.total.toLocaleString("en")}${group.capped ? "+" : ""}`;
}
