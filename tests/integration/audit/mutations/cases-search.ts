import type { CaseTable } from "./types";

// Global search: the shell box's suggestions. Every role reads vendors, so
// only a signed-out caller is refused; each group is permission-checked inside
// the service (tests/integration/search).
export const cases: CaseTable = {
  "GET app/api/search/route.ts": {
    kind: "read",
    permission: "vendor.read",
    arrange: async () => ({ request: () => new Request("http://localhost/api/search?q=harbour") }),
  },
};
