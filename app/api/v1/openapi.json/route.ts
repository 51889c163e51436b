import { openApiDocument } from "@/lib/schemas/api/openapi";

export const dynamic = "force-static";

/** The API's OpenAPI 3.1 document; public, like any API's reference (it holds no data). */
export function GET() {
  return new Response(JSON.stringify(openApiDocument(), null, 2), { headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" } });
}
