import { redirect } from "next/navigation";
import { QUEUE_OF_ROLE } from "@/components/shell/navigation";
import { requirePageActor } from "@/lib/server/auth";

/** Each role lands where its work is: procurement, legal and security on their own queue, admin and viewer on the portfolio dashboard. */
export default async function Home() {
  const actor = await requirePageActor();
  redirect(QUEUE_OF_ROLE[actor.role] ?? "/dashboard");
}
