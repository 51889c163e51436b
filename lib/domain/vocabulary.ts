// Shared words of the domain (docs/rules.md §1). Everything that
// stores, validates or displays these values imports them from here so the
// form, the server, the findings engine and the PDF agree on one spelling.

export const TIERS = ["critical", "high", "moderate", "low"] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = {
  critical: "Critical",
  high: "High",
  moderate: "Moderate",
  low: "Low",
};
/** Critical/High vendors get the strict evidence, insurance and cadence rules. */
export function isElevatedTier(tier: Tier): boolean {
  return tier === "critical" || tier === "high";
}

export const SERVICES = ["email", "chat", "phone", "back_office"] as const;
export type Service = (typeof SERVICES)[number];
export const SERVICE_LABELS: Record<Service, string> = {
  email: "Email support",
  chat: "Chat support",
  phone: "Phone support",
  back_office: "Back office",
};

export const INDUSTRIES = [
  "fintech",
  "healthcare",
  "ecommerce",
  "saas",
  "gaming",
  "automotive",
  "government",
] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_LABELS: Record<Industry, string> = {
  fintech: "Fintech",
  healthcare: "Healthcare",
  ecommerce: "E-commerce",
  saas: "SaaS",
  gaming: "Gaming",
  automotive: "Automotive",
  government: "Government",
};

export const DATA_CATEGORIES = [
  "contact_pii",
  "credentials_reset",
  "payment_card",
  "health",
  "eu_personal",
  "california_personal",
  "india_personal",
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  contact_pii: "Contact PII",
  credentials_reset: "Account credentials / reset ability",
  payment_card: "Payment card data (PCI-DSS)",
  health: "Health data (HIPAA PHI)",
  eu_personal: "EU residents' data (GDPR)",
  california_personal: "California residents' data (CCPA)",
  india_personal: "Indian residents' data (DPDP Act 2023)",
};

export const ACCESS_LEVELS = ["read_only", "trigger_resets", "change_billing", "admin"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export const ACCESS_LEVEL_LABELS: Record<AccessLevel, string> = {
  read_only: "Read-only",
  trigger_resets: "Can trigger resets",
  change_billing: "Can change billing / payment methods",
  admin: "Admin",
};

export const VENDOR_STATUSES = ["prospective", "active", "offboarded"] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

export const SEVERITIES = ["blocker", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, high: 1, medium: 2, low: 3 };
