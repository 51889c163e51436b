"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/domain/roles";
import type { ActionResult } from "@/lib/server/action-result";

interface Props {
  user: { id: string; name: string; email: string; role: string; active: boolean; version: number; lastLoginAt: Date | null };
  isSelf: boolean;
  changeRole: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  setActive: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}

export function UserRow({ user, isSelf, changeRole, setActive }: Props) {
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
      <td>{user.active ? <Badge tone="ok">Active</Badge> : <Badge>Deactivated</Badge>}</td>
      <td>{user.lastLoginAt ? <time dateTime={user.lastLoginAt.toISOString()}>{user.lastLoginAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time> : "Never"}</td>
      <td>
        <button
          type="button"
          className={`btn btn-small ${user.active ? "btn-danger" : ""}`}
          disabled={pending}
          aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}
          onClick={() => run(() => setActive({ userId: user.id, active: !user.active, version: user.version }))}
        >
          {user.active ? "Deactivate" : "Reactivate"}
        </button>
      </td>
    </tr>
  );
}
