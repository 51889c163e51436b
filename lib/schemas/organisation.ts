import { z } from "zod";

/** The organisation's name as printed on every report cover (admin settings). */
export const organisationNameSchema = z.object({
  name: z
    .string({ error: "Enter the organisation's name" })
    .trim()
    .min(1, "Enter the organisation's name")
    .max(120, "Keep the name to 120 characters or fewer"),
});
export type OrganisationNameInput = z.infer<typeof organisationNameSchema>;
