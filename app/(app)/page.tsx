import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/server/auth";

/** Each role lands where its work is: admin and viewer on the portfolio dashboard, security on the vendor list. */
export default async function Home() {
  const actor = await requirePageActor();
  if (actor.role === "procurement") redirect("/procurement");
  if (actor.role === "legal") redirect("/legal");
  if (actor.role === "admin" || actor.role === "viewer") redirect("/dashboard");
  redirect("/vendors");
}
