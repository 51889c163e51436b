"use client";

import { useState, useTransition, type FormEvent } from "react";
import { SelectField } from "@/components/ui/select-field";
import { InstantText } from "@/components/ui/relative-date";
import { createCalendarFeedSchema, type CalendarFilter, type CreateCalendarFeedInput } from "@/lib/schemas/calendar";
import type { ActionResult } from "@/lib/schemas/action-result";
import styles from "./calendar.module.css";
import { ClientForm } from "@/components/ui/client-form";

type Option = { value: string; label: string };

interface Props {
  feed: { createdAt: string; lastUsedAt: string | null; filtersText: string } | null;
  /** The page's filters, offered as the new feed's. */
  initial: CalendarFilter;
  owners: Option[];
  teams: Option[];
  tiers: Option[];
  kinds: Option[];
  now: string;
  createFeed: (input: CreateCalendarFeedInput) => Promise<ActionResult<{ token: string; path: string }>>;
  revokeFeed: () => Promise<ActionResult<{ revoked: number }>>;
}

/**
 * A personal iCalendar feed: create (or regenerate) it with filters, see when
 * a calendar app last fetched it, revoke it. The URL holds the secret token
 * and is shown once, right after it is made.
 */
export function FeedPanel({ feed, initial, owners, teams, tiers, kinds, now, createFeed, revokeFeed }: Props) {
  const [url, setUrl] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = Object.fromEntries([...form.entries()].filter(([, v]) => v !== "")) as CreateCalendarFeedInput;
    const parsed = createCalendarFeedSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
      return;
    }
    start(async () => {
      const result = await createFeed(parsed.data);
      if (result.ok) {
        setErrors({});
        setUrl(`${window.location.origin}${result.data.path}`);
        setMessage("Feed URL created. Copy it now: it is shown only once.");
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.error);
      }
    });
  }

  function onRevoke() {
    start(async () => {
      const result = await revokeFeed();
      setUrl(null);
      setMessage(result.ok ? "Feed revoked: calendar apps can no longer fetch it." : result.error);
    });
  }

  return (
    <section className={`card ${styles.feed}`} aria-labelledby="feed-heading">
      <h2 id="feed-heading">Calendar feed</h2>
      <p className="muted">
        Subscribe to these dates in Outlook or Google Calendar. The feed URL is personal: anyone who has it sees the dates (never any evidence), so keep it private and revoke it if it leaks.
      </p>
      {feed ? (
        <p data-testid="feed-status">
          Your feed ({feed.filtersText}) was created <InstantText at={feed.createdAt} now={new Date(now)} />;{" "}
          {feed.lastUsedAt ? <>last fetched <InstantText at={feed.lastUsedAt} now={new Date(now)} precise /></> : "not fetched yet"}.
        </p>
      ) : (
        <p data-testid="feed-status">You have no calendar feed.</p>
      )}
      <ClientForm onSubmit={onSubmit} className="toolbar" aria-label="Calendar feed filters">
        <SelectField id="feed-owner" name="owner" label="Owner" defaultValue={initial.owner ?? ""} placeholder="Any owner" options={owners} error={errors.owner} />
        <SelectField id="feed-team" name="team" label="Team" defaultValue={initial.team ?? ""} placeholder="Every team" options={teams} error={errors.team} />
        <SelectField id="feed-tier" name="tier" label="Tier" defaultValue={initial.tier ?? ""} placeholder="Any tier" options={tiers} error={errors.tier} />
        <SelectField id="feed-kind" name="kind" label="Kind" defaultValue={initial.kind ?? ""} placeholder="Every kind" options={kinds} error={errors.kind} />
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {feed ? "Regenerate feed URL" : "Create feed URL"}
        </button>
        {feed ? (
          <button className="btn" type="button" onClick={onRevoke} disabled={pending}>
            Revoke feed
          </button>
        ) : null}
      </ClientForm>
      <div role="status" aria-live="polite">
        {message ? <p>{message}</p> : null}
      </div>
      {url ? (
        <p>
          <label htmlFor="feed-url">Feed URL</label>
          <input id="feed-url" className="input" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="feed-url" style={{ width: "100%" }} />
        </p>
      ) : null}
    </section>
  );
}
