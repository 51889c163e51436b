import { NotAllowed } from "@/components/auth/not-allowed";

// Rendered, with status 403, for a page that calls forbidden() (lib/server/auth.ts requirePageActor).
export default function Forbidden() {
  return <NotAllowed />;
}
