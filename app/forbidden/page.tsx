import { NotAllowed } from "@/components/auth/not-allowed";

// Kept for links and bookmarks to the address refusals used to redirect to.
export default function ForbiddenPage() {
  return <NotAllowed />;
}
