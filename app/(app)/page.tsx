import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/server/auth";

/** Each role lands where its work is; everyone else starts at the vendor list. */
export default async function Home() {
  const actor = await requirePageActor();
  if (actor.role === "procurement") redirect("/procurement");
  if (actor.role === "legal") redirect("/legal");
  redirect("/vendors");
}
