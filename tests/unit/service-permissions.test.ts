import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every service acting for a user checks that user's permission itself
// (docs/security.md: the server enforces every permission, whatever the page
// showed). Read from the source: every exported function of lib/server/services
// that is handed an actor calls requirePermission. Building blocks that act
// after the caller's check (an audit write, a page of rows) take no actor or
// live outside services/.

const SERVICES = path.resolve(__dirname, "../../lib/server/services");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith(".ts") ? [full] : [];
  });
}

/** Exported top-level functions: name and text up to the closing brace at column 0. */
function exportedFunctions(text: string): { name: string; text: string }[] {
  return [...text.matchAll(/^export (?:async )?function\*? (\w+)/gm)].map((m) => {
    const end = text.indexOf("\n}\n", m.index);
    return { name: m[1]!, text: text.slice(m.index, end === -1 ? undefined : end) };
  });
}

describe("services check permissions", () => {
  const functions = sources(SERVICES).flatMap((file) =>
    exportedFunctions(readFileSync(file, "utf8")).map((f) => ({ ...f, where: `${path.relative(SERVICES, file)}: ${f.name}` })),
  );
  const actingForUser = functions.filter((f) => /\bactor\b/.test(f.text));

  it("finds the services (guards the scan itself)", () => {
    const names = actingForUser.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(["createAssessment", "signOffAssessment", "exportAuditLog", "openVendorPack", "startPackJob", "updateSettings"]));
    expect(actingForUser.length).toBeGreaterThan(40);
  });

  it("every exported service handed an actor calls requirePermission", () => {
    expect(actingForUser.filter((f) => !f.text.includes("requirePermission(")).map((f) => f.where)).toEqual([]);
  });
});
