import type { Role } from "@/lib/domain/accounts/roles";
import type { UnmappedRole } from "@/lib/domain/accounts/sso";

/** The SSO settings as the admin page sees them: never the client secret, only whether one is stored. */
export interface SsoConfigView {
  enabled: boolean;
  displayName: string;
  issuerUrl: string;
  clientId: string;
  hasClientSecret: boolean;
  claimName: string;
  roleMappings: { value: string; role: Role }[];
  unmappedRole: UnmappedRole;
  provisionUsers: boolean;
  /** 0: never saved. */
  version: number;
}
