import { RECORD_KINDS, type RecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";

// The UI hides what the server would refuse anyway; the service checks the
// same permission (RECORD_KINDS[kind].permission) on every save and delete.

type May = VendorDossierView["may"];

export function mayEditKind(may: May, kind: RecordKindKey): boolean {
  switch (RECORD_KINDS[kind].permission) {
    case "vendor.update":
      return may.editProfile;
    case "assurance.manage":
      return may.manageAssurance;
    case "controls.manage":
      return may.manageControls;
    default:
      return false;
  }
}
