import { z } from "zod";
import { LOGO_MAX_BYTES } from "@/lib/domain/uploads/logo-image";

/** The organisation's name as printed on every report cover (admin settings). */
export const organisationNameSchema = z.object({
  name: z
    .string({ error: "Enter the organisation's name" })
    .trim()
    .min(1, "Enter the organisation's name")
    .max(120, "Keep the name to 120 characters or fewer"),
});
export type OrganisationNameInput = z.infer<typeof organisationNameSchema>;

/**
 * The cover logo as it travels to the server action: its name and its bytes in
 * base64. Server actions take plain JSON here (proxy.ts refuses other action
 * bodies), and the bytes are checked by content on the server
 * (lib/domain/uploads/logo-image.ts).
 */
export const organisationLogoSchema = z.object({
  fileName: z.string().max(200, "Keep the file name to 200 characters or fewer"),
  dataBase64: z
    .string({ error: "Choose a PNG or JPEG image." })
    .min(1, "Choose a PNG or JPEG image.")
    .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4, `The logo is too large; the limit is ${LOGO_MAX_BYTES / 1024} KB.`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "The logo could not be read; choose the file again."),
});
export type OrganisationLogoInput = z.infer<typeof organisationLogoSchema>;
