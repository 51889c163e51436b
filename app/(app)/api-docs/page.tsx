import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/auth";
import { openApiDocument } from "@/lib/schemas/api/openapi";

export const metadata: Metadata = { title: "API reference" };

type Json = Record<string, unknown>;
type Operation = { operationId: string; summary: string; description?: string; parameters?: Json[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, { description: string }> };

/** A parameter's type in a word: its enum values, its type and bounds. */
function typeOf(schema: Json): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).join(" | ");
  const bounds = [schema.minimum !== undefined ? `≥ ${schema.minimum}` : null, schema.maximum !== undefined ? `≤ ${schema.maximum}` : null].filter(Boolean).join(", ");
  return `${String(schema.type ?? "any")}${bounds ? ` (${bounds})` : ""}`;
}

function resolve(doc: Json, ref: string): Json {
  const name = ref.split("/").at(-1)!;
  return ((doc.components as Json).schemas as Record<string, Json>)[name]!;
}

/** The reference, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiDocsPage() {
  await requirePageActor("vendor.read");
  const doc = openApiDocument();
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>API reference</h1>
          <p className="muted">
            {String((doc.info as Json).description)} The machine-readable document is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
          </p>
        </div>
      </div>
      {Object.entries(paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => {
          // JSON for most bodies; multipart/form-data for a file upload.
          const [bodyType, bodyMedia] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
          const body = bodyMedia?.schema;
          return (
            <section key={`${method} ${path}`} className="card api-operation" data-spaced aria-labelledby={op.operationId}>
              <h2 id={op.operationId}>
                <code>{method.toUpperCase()} /api/v1{path}</code> <span className="muted">{op.summary}</span>
              </h2>
              {op.description ? <p>{op.description}</p> : null}
              {op.parameters?.length ? (
                <div className="table-wrap" tabIndex={0} role="region" aria-label={`Parameters of ${op.operationId}`}>
                  <table className="data">
                    <caption className="sr-only">Parameters of {op.operationId}</caption>
                    <thead>
                      <tr><th scope="col">Parameter</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr key={String(p.name)}>
                          <td><code>{String(p.name)}</code>{p.required ? " (required)" : ""}</td>
                          <td>{String(p.in)}</td>
                          <td>{typeOf(p.schema as Json)}</td>
                          <td>{String(p.description ?? (p.schema as Json).description ?? "")}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {body ? (
                <details>
                  <summary>Request body ({bodyType}, JSON Schema)</summary>
                  <pre className="code-block">{JSON.stringify(resolve(doc, String(body.$ref)), null, 2)}</pre>
                </details>
              ) : null}
              <ul>
                {Object.entries(op.responses).map(([code, r]) => (
                  <li key={code}><code>{code}</code> {r.description}</li>
                ))}
              </ul>
            </section>
          );
        }),
      )}
    </>
  );
}
