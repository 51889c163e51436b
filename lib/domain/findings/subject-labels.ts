import { countryName } from "@/lib/domain/reference/countries";
import type { DeliverySite, InsurancePolicy, IsoCertificate, Soc2Report } from "@/lib/schemas/dossier";
import { formatDayForPeople } from "../dates";
import { SITE_MODE_LABELS, SOC2_TYPE_LABELS } from "../dossier-vocabulary";

// How findings name the record they concern (Finding.subject.label).

export function soc2Label(r: Soc2Report): string {
  return `SOC 2 ${SOC2_TYPE_LABELS[r.type]} (period ended ${formatDayForPeople(r.periodEnd)}, ${r.auditor})`;
}

export function isoLabel(c: IsoCertificate): string {
  return `ISO/IEC 27001:${c.standardVersion} certificate ${c.certificateNumber}`;
}

export function siteLabel(s: DeliverySite): string {
  return `${siteLocation(s)} (${SITE_MODE_LABELS[s.mode].toLowerCase()})`;
}

/** "Pune, India". */
export function siteLocation(s: DeliverySite): string {
  return `${s.city}, ${countryName(s.country)}`;
}

export function insuranceLabel(p: InsurancePolicy): string {
  return `${p.carrier} policy ${p.policyNumber}`;
}

/** "EDR, VPN and VDI". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
