"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { InstantText } from "@/components/ui/relative-date";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/domain/accounts/roles";
import type { z } from "zod";
import type { changeRoleSchema, forcePasswordResetSchema, setUserActiveSchema } from "@/lib/schemas/user";
import type { setLocalPasswordSchema } from "@/lib/schemas/sso";
import type { ActionResult } from "@/lib/schemas/action-result";

interface Props {
  user: {
    id: string;
    name: string;
    email: string;
    role: string;
    active: boolean;
    mustChangePassword: boolean;
    version: number;
    lastLoginAt: Date | null;
    localPasswordEnabled: boolean;
    /** Keeps a local password always: the way in when single sign-on fails. */
    isFirstAdmin: boolean;
  };
  /** The server's clock, so the relative phrase renders the same on the server and in the browser. */
  now: Date;
  isSelf: boolean;
  /** The only active admin: deactivating them would lock everyone out of administration. */
  isSoleAdmin: boolean;
  changeRole: (input: z.infer<typeof changeRoleSchema>) => Promise<ActionResult<{ id: string }>>;
  setActive: (input: z.infer<typeof setUserActiveSchema>) => Promise<ActionResult<{ id: string }>>;
  forceReset: (input: z.infer<typeof forcePasswordResetSchema>) => Promise<ActionResult<{ id: string }>>;
  setLocalPassword: (input: z.infer<typeof setLocalPasswordSchema>) => Promise<ActionResult<{ id: string }>>;
}

export function UserRow({ user, now, isSelf, isSoleAdmin, changeRole, setActive, forceReset, setLocalPassword }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<ActionResult<{ id: string }>>) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(result.error);
      router.refresh();
    });
  }

  return (
    <tr>
      <td>{user.name}{isSelf ? <span className="muted"> (you)</span> : null}</td>
      <td>{user.email}</td>
      <td>
        <label className="sr-only" htmlFor={`role-${user.id}`}>Role of {user.name}</label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          disabled={pending || !user.active}
          onChange={(e) => run(() => changeRole({ userId: user.id, role: e.target.value as Role, version: user.version }))}
        >
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
        {error ? <div className="error" role="alert">{error}</div> : null}
      </td>
      <td>
        {user.active ? <Badge tone="ok">Active</Badge> : <Badge>Deactivated</Badge>}
        {user.mustChangePassword ? <> <Badge>Password reset pending</Badge></> : null}
      </td>
      <td>{user.lastLoginAt ? <InstantText at={user.lastLoginAt} now={now} /> : "Never"}</td>
      <td>
        {user.localPasswordEnabled ? "On" : <Badge>Single sign-on only</Badge>}{" "}
        {user.isFirstAdmin ? (
          <span className="hint muted small">The first admin always keeps a password, for when single sign-on fails.</span>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            disabled={pending}
            aria-label={`${user.localPasswordEnabled ? "Turn off" : "Turn on"} password sign-in for ${user.name}`}
            onClick={() => run(() => setLocalPassword({ userId: user.id, enabled: !user.localPasswordEnabled }))}
          >
            {user.localPasswordEnabled ? "Turn off" : "Turn on"}
          </button>
        )}
      </td>
      <td>
        <button
          type="button"
          className={`btn btn-small ${user.active ? "btn-danger" : ""}`}
          disabled={pending || (user.active && isSoleAdmin)}
          aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}
          aria-describedby={user.active && isSoleAdmin ? `sole-admin-${user.id}` : undefined}
          onClick={() => run(() => setActive({ userId: user.id, active: !user.active, version: user.version }))}
        >
          {user.active ? "Deactivate" : "Reactivate"}
        </button>{" "}
        {user.active && isSoleAdmin ? (
          <span id={`sole-admin-${user.id}`} className="hint muted small">
            The last active admin cannot be deactivated. Make another user an admin first.
          </span>
        ) : null}{" "}
        {user.active && !isSelf && !user.mustChangePassword ? (
          <button
            type="button"
            className="btn btn-small"
            disabled={pending}
            aria-label={`Force password reset for ${user.name}`}
            title="Signs them out everywhere; they must choose a new password at their next sign-in."
            onClick={() => run(() => forceReset({ userId: user.id, version: user.version }))}
          >
            Force password reset
          </button>
        ) : null}
      </td>
    </tr>
  );
}
