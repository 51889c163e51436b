import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rules in eslint.config.mjs, run on small sources placed (by file
// path only, nothing is written) in each layer: a crossing import is an error
// (for components and lib/schemas even a type-only one, since their shared
// shapes live in lib/schemas), and the same import elsewhere is allowed.

const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("layer boundaries (eslint.config.mjs)", () => {
  it("components import nothing from lib/server, not even types", async () => {
    expect(await restrictedImports("components/probe.ts", 'import { db } from "@/lib/server/db";\nexport const x = db;\n')).toHaveLength(1);
    expect(await restrictedImports("components/probe.ts", 'import type { Actor } from "@/lib/server/actor";\nexport type A = Actor;\n')).toHaveLength(1);
    expect(await restrictedImports("components/probe.ts", 'import type { LegalReview } from "@/lib/schemas/views/legal-review";\nexport type A = LegalReview;\n')).toEqual([]);
    expect(await restrictedImports("app/probe.ts", 'import { db } from "@/lib/server/db";\nexport const x = db;\n')).toEqual([]);
  }, 60_000);

  it("lib/domain imports nothing from lib/server, prisma, next or react", async () => {
    const source = [
      'import { db } from "@/lib/server/db";',
      'import { redirect } from "next/navigation";',
      'import { useState } from "react";',
      'import seed from "@/prisma/seed/anything.json";',
      'import { PrismaClient } from "@prisma/client";',
      "export const x = [db, redirect, useState, seed, PrismaClient];",
      "",
    ].join("\n");
    expect(await restrictedImports("lib/domain/probe.ts", source)).toHaveLength(5);
    expect(await restrictedImports("lib/domain/probe.ts", 'import { ROLES } from "@/lib/domain/accounts/roles";\nexport const x = ROLES;\n')).toEqual([]);
  }, 60_000);

  it("the lib/domain rule holds in its subfolders, for relative paths at any depth, and forbids file and network I/O", async () => {
    const deep = "lib/domain/findings/rules/probe.ts";
    expect(await restrictedImports(deep, 'import { db } from "../../../server/db";\nexport const x = db;\n')).toEqual([expect.stringContaining("lib/domain imports nothing from lib/server.")]);
    expect(await restrictedImports("lib/domain/audit/probe.ts", 'import { db } from "../../server/db";\nexport const x = db;\n')).toEqual([expect.stringContaining("lib/domain imports nothing from lib/server.")]);
    expect(await restrictedImports(deep, 'import type { Actor } from "../../../server/actor";\nexport type A = Actor;\n')).toEqual([]);
    expect(await restrictedImports(deep, 'import { readFileSync } from "node:fs";\nimport { request } from "node:https";\nexport const x = [readFileSync, request];\n')).toHaveLength(2);
    expect(await restrictedImports(deep, 'import { createHash } from "node:crypto";\nimport { SEVERITY_RANK } from "../../vocabulary";\nexport const x = [createHash, SEVERITY_RANK];\n')).toEqual([]);
  }, 60_000);

  it("lib/schemas imports nothing from lib/server, not even types", async () => {
    expect(await restrictedImports("lib/schemas/probe.ts", 'import { can } from "../server/permissions";\nexport const x = can;\n')).toHaveLength(1);
    expect(await restrictedImports("lib/schemas/views/probe.ts", 'import type { Actor } from "@/lib/server/actor";\nexport type A = Actor;\n')).toHaveLength(1);
    expect(await restrictedImports("lib/schemas/probe.ts", 'import { can } from "@/lib/domain/accounts/permissions";\nexport const x = can;\n')).toEqual([]);
  }, 60_000);
});
