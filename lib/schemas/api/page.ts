// The pieces every cursor-paginated list of the REST API shares: `cursor` and
// `limit` in the query, `data` and `nextCursor` in the answer.
import { z } from "zod";

export const pageQueryFields = {
  cursor: z.string().max(500).optional().describe("The `nextCursor` of the previous page."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  });
}
