import type { Finding } from "../finding";
import { daysUntil, describeDue, formatDayForPeople } from "../../dates";
import { latestBy, tierSeverity, type FindingRule } from "./context";
import { isoLabel, siteLabel } from "../subject-labels";
import { SOURCES } from "./sources";
import { ISO_2013_LAST_VALID_DAY, isoCertificateState } from "../../assurance/iso-status";

/**
 * ISO/IEC 27001 (docs/rules.md §2). Expiry is judged on the certificate that
 * expires last; scope coverage on every certificate still valid, because a
 * vendor may hold one per site.
 */
export const isoRules: FindingRule = (ctx) => {
  const { dossier, settings, now } = ctx;
  const certificates = dossier.isoCertificates;
  if (certificates.length === 0) {
    return [
      {
        code: "iso.missing",
        severity: tierSeverity(ctx, "medium", "low"),
        message: "No ISO/IEC 27001 certificate is on file.",
        observed: "no certificate",
        threshold: "a valid ISO/IEC 27001 certificate covering the delivery sites",
        source: SOURCES.iso,
        subject: { kind: "iso_certificate" },
      },
    ];
  }

  const findings: Finding[] = [];
  const { isoExpiringDays } = settings.assurance;
  const current = latestBy(certificates, (c) => c.expiryDate);
  if (current) {
    const subject = { kind: "iso_certificate", id: current.id, label: isoLabel(current) };
    const daysLeft = daysUntil(current.expiryDate, now);
    const expiry = formatDayForPeople(current.expiryDate);
    if (daysLeft < 0) {
      findings.push({
        code: "iso.expired",
        severity: tierSeverity(ctx, "high", "medium"),
        message: `${isoLabel(current)} ${describeDue(current.expiryDate, now)} (expiry date ${expiry}); it no longer counts as evidence.`,
        observed: `expired on ${expiry}`,
        threshold: "valid until its expiry date",
        source: SOURCES.isoExpiry,
        subject,
      });
    } else if (daysLeft <= isoExpiringDays) {
      findings.push({
        code: "iso.expiring",
        severity: "low",
        message: `${isoLabel(current)} ${describeDue(current.expiryDate, now)} (${expiry}); certificates are flagged within ${isoExpiringDays} days of expiry. Ask for the renewal.`,
        observed: `${daysLeft} day${daysLeft === 1 ? "" : "s"} until expiry`,
        threshold: `more than ${isoExpiringDays} days until expiry`,
        source: SOURCES.isoExpiry,
        subject,
      });
    }
  }

  const superseded = certificates.filter((c) => isoCertificateState(c, now) === "superseded");
  for (const cert of superseded) {
    findings.push({
      code: "iso.superseded_version",
      severity: "medium",
      message: `${isoLabel(cert)} is to the 2013 edition, whose certificates lapsed after ${formatDayForPeople(ISO_2013_LAST_VALID_DAY)}; ask for the 2022 certificate.`,
      observed: "ISO/IEC 27001:2013",
      threshold: "ISO/IEC 27001:2022",
      source: SOURCES.isoTransition,
      subject: { kind: "iso_certificate", id: cert.id, label: isoLabel(cert) },
    });
  }
  const valid = certificates.filter((c) => isoCertificateState(c, now) === "valid");

  for (const cert of valid.filter((c) => !c.accredited)) {
    findings.push({
      code: "iso.unaccredited",
      severity: "low",
      message: `${isoLabel(cert)} was issued by ${cert.certificationBody}, which is not an accredited certification body; the certificate carries less weight.`,
      observed: "certification body not accredited",
      threshold: "accredited certification body",
      source: SOURCES.isoAccreditation,
      subject: { kind: "iso_certificate", id: cert.id, label: isoLabel(cert) },
    });
  }

  // Without any valid certificate the expired/missing finding already says
  // it all; listing every site as uncovered would only add noise.
  if (valid.length > 0) {
    const covered = new Set(valid.flatMap((c) => c.coveredSiteIds));
    for (const site of dossier.sites.filter((s) => !covered.has(s.id))) {
      findings.push({
        code: "iso.site_not_covered",
        severity: "medium",
        message: `The ISO/IEC 27001 scope does not cover ${siteLabel(site)}, so the certificate does not count for that site.`,
        observed: "site outside the certificate scope",
        threshold: "every delivery site serving us in scope",
        source: SOURCES.isoScope,
        subject: { kind: "delivery_site", id: site.id, label: siteLabel(site) },
      });
    }
  }

  return findings;
};
