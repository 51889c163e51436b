"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/**
 * Marks the element named by the URL's #fragment after client-side navigation
 * (router.push after a save), where the browser's own :target does not follow
 * history.pushState. Full loads and in-page #links still get :target natively.
 */
export function TargetHighlighter() {
  const pathname = usePathname();
  useEffect(() => {
    function mark() {
      document.querySelectorAll("[data-targeted]").forEach((el) => el.removeAttribute("data-targeted"));
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      const el = document.getElementById(id);
      if (!el) return;
      el.setAttribute("data-targeted", "true");
      el.scrollIntoView({ block: "center" });
    }
    mark();
    window.addEventListener("hashchange", mark);
    return () => window.removeEventListener("hashchange", mark);
  }, [pathname]);
  return null;
}
