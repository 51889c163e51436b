import { uploadOrganisationLogo } from "@/lib/server/services/organisation";
import type { CaseTable } from "./types";

// The organisation's name and logo on the PDF cover (admin settings).

/** The smallest complete PNG: 1 × 1 pixel, IHDR first, IEND last. */
export const ONE_PIXEL_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000005000175b0a00b0000000049454e44ae426082",
  "hex",
);

function logoForm() {
  return { fileName: "logo.png", dataBase64: ONE_PIXEL_PNG.toString("base64") };
}

export const cases: CaseTable = {
  "app/(app)/admin/settings/organisation-actions.ts#updateOrganisationNameAction": {
    kind: "mutation",
    permission: "settings.manage",
    audit: "organisation.rename",
    arrange: async (ctx) => ({ input: { name: ctx.unique("Acme Risk Office") } }),
  },
  "app/(app)/admin/settings/organisation-actions.ts#uploadOrganisationLogoAction": {
    kind: "mutation",
    permission: "settings.manage",
    audit: "organisation.logo_upload",
    arrange: async () => ({ input: logoForm() }),
  },
  "app/(app)/admin/settings/organisation-actions.ts#removeOrganisationLogoAction": {
    kind: "mutation",
    permission: "settings.manage",
    audit: "organisation.logo_remove",
    // A logo must be there to be removed.
    arrange: async (ctx) => {
      await uploadOrganisationLogo({ actor: ctx.actors.admin, file: { name: "logo.png", bytes: new Uint8Array(ONE_PIXEL_PNG) } });
      return { input: undefined };
    },
  },
};
