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
    expect(await restrictedImports("lib/domain/probe.ts", 'import { ROLES } from "@/lib/domain/roles";\nexport const x = ROLES;\n')).toEqual([]);
  }, 60_000);

  it("lib/schemas imports nothing from lib/server, not even types", async () => {
    expect(await restrictedImports("lib/schemas/probe.ts", 'import { can } from "../server/permissions";\nexport const x = can;\n')).toHaveLength(1);
    expect(await restrictedImports("lib/schemas/views/probe.ts", 'import type { Actor } from "@/lib/server/actor";\nexport type A = Actor;\n')).toHaveLength(1);
    expect(await restrictedImports("lib/schemas/probe.ts", 'import { can } from "@/lib/domain/permissions";\nexport const x = can;\n')).toEqual([]);
  }, 60_000);
});
