import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRow } from "@/components/users/user-row";
import { requirePageActor } from "@/lib/server/auth";
import { listUsers } from "@/lib/server/services/users";
import { changeUserRoleAction, createUserAction, forcePasswordResetAction, setLocalPasswordAction, setUserActiveAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("user.manage");
  const users = await listUsers({ actor });
  const now = new Date();
  // The server refuses to deactivate the last active admin (lib/server/services/users.ts);
  // the page says so up front instead of offering a button that can only fail.
  const activeAdmins = users.filter((u) => u.active && u.role === "admin");
  const soleAdminId = activeAdmins.length === 1 ? (activeAdmins[0]?.id ?? null) : null;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Users</h1>
          <p className="muted">Who can sign in, and with which role. Deactivated users lose access on their next request.</p>
        </div>
      </div>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Password sign-in</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} now={now} isSelf={u.id === actor.id} isSoleAdmin={u.id === soleAdminId} changeRole={changeUserRoleAction} setActive={setUserActiveAction} forceReset={forcePasswordResetAction} setLocalPassword={setLocalPasswordAction} />
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" data-spaced aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Add a user</h2>
        <CreateUserForm submit={createUserAction} />
      </section>
    </>
  );
}
