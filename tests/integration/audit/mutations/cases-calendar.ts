import { expect } from "vitest";
import { createCalendarFeed } from "@/lib/server/services/calendar-feed";
import type { CaseTable } from "./types";

// The renewal calendar's personal iCalendar feeds.

export const cases: CaseTable = {
  "app/(app)/calendar/actions.ts#createCalendarFeedAction": {
    kind: "mutation",
    permission: "calendar.feed.manage",
    audit: "calendar_feed.create",
    arrange: async () => ({ input: { team: "security", owner: "me" } }),
  },
  "app/(app)/calendar/actions.ts#revokeCalendarFeedAction": {
    kind: "mutation",
    permission: "calendar.feed.manage",
    audit: "calendar_feed.revoke",
    as: "viewer",
    arrange: async (ctx) => {
      await createCalendarFeed({ actor: ctx.actors.viewer, input: {} });
      return { input: undefined };
    },
  },
  "GET app/api/calendar/feed/[token]/route.ts": {
    kind: "public",
    reason: "calendar apps send no cookie: the random per-user token in the URL is the credential; an unknown token is a 404 and nothing is recorded",
    prove: async (ctx, exported) => {
      const before = await ctx.db.auditEvent.count();
      const handler = exported as (request: Request, context: { params: Promise<{ token: string }> }) => Promise<Response>;
      const token = "A".repeat(43);
      const response = await handler(new Request(`http://localhost/api/calendar/feed/${token}`), { params: Promise.resolve({ token }) });
      expect(response.status).toBe(404);
      expect(await ctx.db.auditEvent.count()).toBe(before);
    },
  },
};
