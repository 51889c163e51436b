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

/** Top-level functions (exported or not): name and text up to the closing brace at column 0. */
function topLevelFunctions(text: string): { name: string; exported: boolean; text: string }[] {
  return [...text.matchAll(/^(export )?(?:async )?function\*? (\w+)/gm)].map((m) => {
    const end = text.indexOf("\n}\n", m.index);
    return { name: m[2]!, exported: Boolean(m[1]), text: text.slice(m.index, end === -1 ? undefined : end) };
  });
}

/**
 * Exported functions, each with whether it checks a permission: it calls
 * requirePermission itself, or a function of the same file that does (a
 * file's own guard, such as "the permission this import type needs").
 */
function exportedFunctions(text: string): { name: string; text: string; checks: boolean }[] {
  const all = topLevelFunctions(text);
  const guards = new Set(all.filter((f) => f.text.includes("requirePermission(")).map((f) => f.name));
  // One more round: a helper that calls a guard is a guard too.
  for (const f of all) if ([...guards].some((g) => f.text.includes(`${g}(`) && f.name !== g)) guards.add(f.name);
  return all
    .filter((f) => f.exported)
    .map((f) => ({ name: f.name, text: f.text, checks: f.text.includes("requirePermission(") || [...guards].some((g) => g !== f.name && new RegExp(`\\b${g}\\(`).test(f.text)) }));
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
    expect(actingForUser.filter((f) => !f.checks).map((f) => f.where)).toEqual([]);
  });
});
