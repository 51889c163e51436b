"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { INDUSTRIES, INDUSTRY_LABELS, TIERS, TIER_LABELS, VENDOR_STATUSES } from "@/lib/domain/vocabulary";
import type { PackJobInput } from "@/lib/schemas/audit-pack";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ClientForm } from "@/components/ui/client-form";

type Start = (input: PackJobInput) => Promise<ActionResult<{ id: string; vendors: number }>>;

/** Choose vendors with the vendor list's filters and start a bulk export job. */
export function PackJobForm({ start }: { start: Start }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const filter: Record<string, string> = {};
    for (const key of ["tier", "status", "blocker", "soc2", "industry", "q"]) {
      const value = String(data.get(key) ?? "").trim();
      if (value) filter[key] = value;
    }
    setBusy(true);
    setMessage(null);
    const result = await start({ filter, pdfs: data.get("pdfs") === "all" ? "all" : "latest" });
    setBusy(false);
    if (result.ok) {
      setMessage({ tone: "ok", text: `Export started for ${result.data.vendors} vendor${result.data.vendors === 1 ? "" : "s"}. Its progress is shown below.` });
      router.refresh();
    } else {
      setMessage({ tone: "error", text: result.fieldErrors?.filter ?? result.error });
    }
  }

  return (
    <ClientForm className="card pack-job-form" onSubmit={onSubmit} aria-label="Start a bulk export">
      {message ? <div className={`alert alert-${message.tone}`} role={message.tone === "error" ? "alert" : "status"}>{message.text}</div> : null}
      <div className="toolbar">
        <div className="field">
          <label htmlFor="pack-tier">Tier</label>
          <select id="pack-tier" name="tier" defaultValue="critical">
            <option value="">Any</option>
            {TIERS.map((t) => <option key={t} value={t}>{TIER_LABELS[t]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pack-status">Status</label>
          <select id="pack-status" name="status" defaultValue="">
            <option value="">Any</option>
            {VENDOR_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pack-blocker">Blockers</label>
          <select id="pack-blocker" name="blocker" defaultValue="">
            <option value="">Any</option>
            <option value="yes">Has a blocker</option>
            <option value="no">No blocker</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="pack-soc2">SOC 2</label>
          <select id="pack-soc2" name="soc2" defaultValue="">
            <option value="">Any</option>
            <option value="stale">Stale</option>
            <option value="due">Due for renewal</option>
            <option value="missing">Missing</option>
            <option value="current">Current</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="pack-industry">Industry</label>
          <select id="pack-industry" name="industry" defaultValue="">
            <option value="">Any</option>
            {INDUSTRIES.map((i) => <option key={i} value={i}>{INDUSTRY_LABELS[i]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pack-q">Name contains</label>
          <input id="pack-q" name="q" type="text" />
        </div>
      </div>
      <fieldset className="field">
        <legend>Assessment PDFs</legend>
        <label className="field-check"><input type="radio" name="pdfs" value="latest" defaultChecked /> Latest assessment only</label>
        <label className="field-check"><input type="radio" name="pdfs" value="all" /> All assessment versions</label>
      </fieldset>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={busy}>{busy ? "Starting…" : "Start export"}</button>
      </div>
    </ClientForm>
  );
}
