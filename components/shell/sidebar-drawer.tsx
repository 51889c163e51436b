"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * On a narrow screen the navigation and the account block fold behind a menu
 * button, so no page is wider than the viewport and Sign out stays one tap
 * away. On a wide screen the button is hidden by CSS and the panel always shows.
 */
export function SidebarDrawer({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  const [shownFor, setShownFor] = useState(pathname);

  // Following a link closes the menu: the new page is what the person asked for.
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls="sidebar-panel"
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true" className="menu-icon" />
        Menu
      </button>
      <div id="sidebar-panel" className="sidebar-panel" data-open={open}>
        {children}
      </div>
    </>
  );
}
