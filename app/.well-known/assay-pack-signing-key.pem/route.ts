import { getPackKey } from "@/lib/server/signing/pack-key";

export const dynamic = "force-dynamic";

/**
 * The public half of the audit-pack signing key, for anyone: an auditor
 * fetches it (or compares its fingerprint) to trust a pack. Deliberately
 * public and unaudited; it reveals nothing secret.
 */
export async function GET() {
  try {
    const key = await getPackKey();
    return new Response(key.publicKeyPem(), {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "X-Content-Type-Options": "nosniff",
        "X-Key-Fingerprint": `sha256:${key.fingerprint()}`,
        "Cache-Control": "public, max-age=300",
      },
    });
  } catch (error) {
    console.error("Cannot load the audit pack signing key", error);
    return new Response("The signing key is not available.\n", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
