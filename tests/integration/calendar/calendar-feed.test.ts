// The personal iCalendar feed, fetched from the real route handler and read
// back with a real iCalendar parser (node-ical): the events are the calendar's
// dated obligations for the feed's filters, with stable UIDs; a revoked,
// replaced, unknown or deactivated user's token gets the same 404.
import ical, { type VEvent } from "node-ical";
import { beforeAll, expect, it } from "vitest";
import { GET } from "@/app/api/calendar/feed/[token]/route";
import { seedDemoData } from "@/lib/cli/seed";
import { CALENDAR_KIND_INFO, kindsOfTeam } from "@/lib/domain/calendar/obligations";
import { addDaysToDay, formatIsoDay } from "@/lib/domain/dates";
import type { Actor } from "@/lib/server/actor";
import { createCalendarFeed, FEED_DAYS_AHEAD, FEED_DAYS_BACK, hashFeedToken, revokeCalendarFeed } from "@/lib/server/services/calendar-feed";
import { portfolioDates } from "@/lib/server/services/portfolio-queries";
import { loadSettings } from "@/lib/server/services/settings";
import { setUserActive } from "@/lib/server/services/users";
import { makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

let peer = 0;
/** Each fetch from its own client address, so the rate limit is only met where a test means it. */
async function fetchFeed(token: string, address = `10.0.0.${(peer = (peer % 250) + 1)}`): Promise<Response> {
  const request = new Request(`http://assay.test/api/calendar/feed/${token}`, { headers: { "x-assay-peer-address": address } });
  return GET(request, { params: Promise.resolve({ token }) });
}

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
}

forEachProvider("calendar feed", (t) => {
  let owner: Actor;
  beforeAll(async () => {
    expect(await seedDemoData({ now: new Date() })).toBe("seeded");
    const owned = await t.db.vendor.findFirst({ where: { ownerId: { not: null } }, select: { owner: true } });
    const u = owned!.owner!;
    owner = { id: u.id, email: u.email, name: u.name, role: u.role as Actor["role"], ip: "127.0.0.1", userAgent: "vitest" };
  });

  const window = () => {
    const today = formatIsoDay(new Date());
    return { from: addDaysToDay(today, -FEED_DAYS_BACK), to: addDaysToDay(today, FEED_DAYS_AHEAD) };
  };

  it("serves the user's filtered obligations as text/calendar that a real parser reads, with stable UIDs", async () => {
    const { token, path } = await createCalendarFeed({ actor: owner, input: { owner: "me", team: "security" } });
    expect(path).toBe(`/api/calendar/feed/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const stored = await t.db.calendarFeedToken.findFirstOrThrow({ where: { userId: owner.id, revokedAt: null } });
    expect(stored.tokenHash).toBe(hashFeedToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.lastUsedAt).toBeNull();

    const response = await fetchFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    const text = await response.text();
    const parsed = events(text);

    const expected = await portfolioDates(t.db, window(), await loadSettings(t.db), { kinds: kindsOfTeam("security"), ownerId: owner.id, take: 500 });
    expect(expected.length, "the owner has security obligations in the window").toBeGreaterThan(0);
    expect(expected.every((d) => CALENDAR_KIND_INFO[d.kind].team === "security" && d.ownerId === owner.id)).toBe(true);
    const got = parsed.map((e) => `${e.uid} ${formatIsoDay(e.start)} ${e.summary}`).sort();
    const want = expected.map((d) => `${d.kind}.${d.recordId}@assay ${d.date} ${CALENDAR_KIND_INFO[d.kind].label}: ${d.vendorName}`).sort();
    expect(got).toEqual(want);
    expect(parsed.every((e) => e.datetype === "date")).toBe(true);

    const again = events(await (await fetchFeed(token)).text());
    expect(again.map((e) => e.uid).sort()).toEqual(parsed.map((e) => e.uid).sort());
    expect((await t.db.calendarFeedToken.findUniqueOrThrow({ where: { id: stored.id } })).lastUsedAt).not.toBeNull();
  });

  it("refuses a revoked, a replaced and an unknown token with the same 404, and records creation and revocation", async () => {
    const actor = await makeActor("legal");
    const first = await createCalendarFeed({ actor, input: { team: "legal" } });
    expect((await fetchFeed(first.token)).status).toBe(200);
    const second = await createCalendarFeed({ actor, input: {} });
    const replaced = await fetchFeed(first.token);
    expect(replaced.status).toBe(404);
    expect((await fetchFeed(second.token)).status).toBe(200);
    await revokeCalendarFeed({ actor });
    const revoked = await fetchFeed(second.token);
    const unknown = await fetchFeed("B".repeat(43));
    expect([revoked.status, unknown.status]).toEqual([404, 404]);
    expect(await revoked.text()).toBe(await unknown.text());
    const actions = (await t.db.auditEvent.findMany({ where: { actorId: actor.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["calendar_feed.create", "calendar_feed.create", "calendar_feed.revoke"]);
  });

  it("stops a deactivated user's feed", async () => {
    const actor = await makeActor("procurement");
    const admin = await makeActor("admin");
    const { token } = await createCalendarFeed({ actor, input: {} });
    expect((await fetchFeed(token)).status).toBe(200);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: actor.id } });
    await setUserActive({ actor: admin, input: { userId: actor.id, active: false, version: user.version } });
    expect((await fetchFeed(token)).status).toBe(404);
  });

  it("rate-limits one client, whatever the token", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await fetchFeed(`guess-${i}`, "192.0.2.77")).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    expect((await fetchFeed("guess-other", "192.0.2.78")).status).toBe(404);
  });
});
