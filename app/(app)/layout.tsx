import Link from "next/link";
import { Suspense } from "react";
import { SearchBox } from "@/components/search/search-box";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { NavLinks } from "@/components/shell/nav-links";
import { navigationFor } from "@/components/shell/navigation";
import { SidebarDrawer } from "@/components/shell/sidebar-drawer";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ROLE_LABELS } from "@/lib/domain/accounts/roles";
import { requirePageActor } from "@/lib/server/auth";
import { unreadNotificationCount } from "@/lib/server/services/notifications";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const unread = await unreadNotificationCount({ actor });
  return (
    <div className="shell">
      <a href="#main" className="skip-link">Skip to content</a>
      <aside className="sidebar">
        <Link href="/" className="brand">Assay</Link>
        <SidebarDrawer>
          <NotificationBell unread={unread} />
          <NavLinks items={navigationFor(actor.role)} />
          <div className="whoami" data-testid="whoami">
            <div>{actor.name}</div>
            <div className="muted">{actor.email}</div>
            <span className="role">{ROLE_LABELS[actor.role]}</span>
            <div><Link href="/account/password">Change password</Link></div>
            <div><SignOutButton /></div>
          </div>
        </SidebarDrawer>
      </aside>
      <div className="shell-content">
        {/* The search landmark sits before the page's own content, not inside it: it belongs to the app, not to the page. */}
        <header className="topbar">
          {/* The box reads the query string: Suspense keeps that from opting every page out of streaming. */}
          <Suspense fallback={null}>
            <SearchBox />
          </Suspense>
        </header>
        <main id="main" className="main">
          {children}
        </main>
      </div>
    </div>
  );
}
