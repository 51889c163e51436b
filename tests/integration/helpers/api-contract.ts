import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { openApiDocument } from "@/lib/schemas/api/openapi";

type Media = { schema?: { $ref?: string } & Record<string, unknown> };
type Operation = { responses: Record<string, { content?: Record<string, Media>; headers?: Record<string, unknown> }> };

/**
 * Checks real answers of the REST API against its OpenAPI document: the
 * status must be one the operation documents, the content type one that
 * status documents, and a JSON body must validate (ajv, draft 2020-12) against
 * the schema the document gives for it.
 */
export function openApiContract() {
  const doc = openApiDocument() as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);

  /** Validates `body` against a named component schema. */
  function conforms(name: string, body: unknown) {
    const ok = ajv.validate(`#/components/schemas/${name}`, body);
    expect(ok, `${name}: ${JSON.stringify(ajv.errors)}`).toBe(true);
  }

  /** Checks `response` as the answer of `method pathTemplate`; returns its body (parsed JSON, else bytes). */
  async function answers(method: string, pathTemplate: string, response: Response): Promise<unknown> {
    const operation = doc.paths[pathTemplate]?.[method.toLowerCase()];
    expect(operation, `${method} ${pathTemplate} is not in the document`).toBeDefined();
    const documented = operation!.responses[String(response.status)];
    expect(documented, `${method} ${pathTemplate} answered ${response.status}, which the document does not list`).toBeDefined();
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const media = documented!.content?.[type];
    expect(media, `${method} ${pathTemplate} ${response.status} answered ${type}, the document says ${Object.keys(documented!.content ?? {}).join(", ")}`).toBeDefined();
    if (!type.endsWith("json")) return Buffer.from(await response.arrayBuffer());
    const body = (await response.json()) as unknown;
    const schema = media!.schema!;
    const ok = schema.$ref ? ajv.validate(schema.$ref, body) : ajv.validate(schema, body);
    expect(ok, `${method} ${pathTemplate} ${response.status}: ${JSON.stringify(ajv.errors)}`).toBe(true);
    return body;
  }

  return { doc, conforms, answers };
}
