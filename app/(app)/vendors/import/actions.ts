"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth";
import { parseInput } from "@/lib/server/validation";
import { commitSpreadsheetImport } from "@/lib/server/services/spreadsheet-import";
import { importCommitSchema } from "@/lib/schemas/spreadsheet-import";

// Thin entry point: the service checks the permission, ownership and versions.

export async function commitImportAction(input: { importId: string }) {
  return runAction(async () => {
    const { importId } = parseInput(importCommitSchema, input);
    const result = await commitSpreadsheetImport({ actor: await requireActor(), importId });
    revalidatePath("/vendors");
    return { kind: result.kind };
  });
}
