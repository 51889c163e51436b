import { describe, expect, test } from "vitest";
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { buildPassages } from "@/lib/domain/legal/contract-passages";
import { CLAUSE_CATALOGUE, clauseCatalogueSchema } from "@/lib/domain/legal/clause-catalogue";
import { markdownToSections } from "@/lib/domain/legal/markdown-sections";
import { htmlToSections } from "@/lib/server/contracts/html-sections";

const find = (text: string, code: string) => findClauses({ sections: [{ heading: null, text }] }).find((p) => p.clauseCode === code)!;
const findMarkdown = (markdown: string, code: string) => findClauses({ sections: markdownToSections(markdown) }).find((p) => p.clauseCode === code)!;

describe("clause finder", () => {
  test("proposes every catalogue clause, found or not", () => {
    const proposals = findClauses({ sections: [{ heading: null, text: "Nothing relevant here." }] });
    expect(proposals.map((p) => p.clauseCode)).toEqual(CLAUSE_CATALOGUE.clauses.map((c) => c.code));
    // Confidence is measured, never certain (finder-calibration.ts).
    expect(proposals.every((p) => !p.found && p.confidence > 0 && p.confidence < 1)).toBe(true);
  });

  test("confidence is the calibration table's smoothed share right for the clause and bucket", () => {
    const table = {
      about: "",
      measuredOn: "test",
      documents: 1,
      cells: { right_to_audit: { found_clear: { proposals: 8, right: 8 } }, "*": { absent_none: { proposals: 3, right: 1 } } },
    };
    const proposals = findClauses(
      { sections: [{ heading: "Audit", text: "The Customer may audit the Supplier's premises, systems and records on 10 days' notice." }] },
      CLAUSE_CATALOGUE,
      table,
    );
    expect(proposals.find((p) => p.clauseCode === "right_to_audit")).toMatchObject({ found: true, confidence: 0.9 });
    expect(proposals.find((p) => p.clauseCode === "cyber_insurance")).toMatchObject({ found: false, confidence: 0.4 });
  });

  test("quotes the passage with its page and section, and extracts the value", () => {
    const p = findClauses({
      pages: [
        { number: 3, text: "8. SECURITY INCIDENTS\n8.1 The Processor shall notify the Controller without undue delay and in any event within seventy-two (72) hours after becoming aware of a Personal Data Breach." },
      ],
    }).find((x) => x.clauseCode === "incident_notification")!;
    expect(p.found).toBe(true);
    expect(p.passages[0]).toMatchObject({ page: 3, section: "8. SECURITY INCIDENTS › 8.1" });
    expect(p.passages[0]?.quote).toContain("seventy-two (72) hours");
    expect(p.value).toMatchObject({ kind: "hours", hours: 72 });
  });

  test.each([
    ["incident_notification", "Customer shall notify Supplier of any disputed invoice within thirty (30) days."],
    ["incident_notification", "Supplier shall maintain an incident response plan and test it annually."],
    ["right_to_audit", "Customer may have an independent accountant audit the invoices to verify the Fees."],
    ["right_to_audit", "Aurora may audit up to fifty (50) chat transcripts per week for quality assurance."],
    ["liability_cap", "Each party's liability is subject to the limitations of liability set out in the Principal Agreement."],
    ["cyber_insurance", "Supplier shall maintain employer's liability insurance of £10,000,000 and public liability insurance."],
    ["security_training", "Agents complete forty (40) hours of product training before taking live chats."],
    ["subprocessor_consent", "Neither party may assign this Agreement without the prior written consent of the other."],
    ["agent_access_confidentiality", "Each party shall keep the other party's Confidential Information confidential."],
    ["data_residency", "This Agreement is governed by the laws of England and the courts of England have exclusive jurisdiction."],
  ])("distractor for %s is not found: %s", (code, text) => {
    expect(find(text, code).found).toBe(false);
  });

  test.each([
    ["security_training", "The processor shall conduct regular trainings on data privacy for its personnel at least once a year."],
    ["security_training", "The Service Provider shall conduct information security awareness sessions for its personnel every six months."],
    ["subprocessor_consent", "The processor shall not engage another processor without the prior written authorization of the controller."],
    ["agent_access_confidentiality", "Vendor shall ensure all Representatives are subject to written confidentiality obligations before access."],
    ["data_return_deletion", "Within thirty (30) days after the Order Form ends, Vendor shall return or destroy all Company Information."],
    ["liability_indemnification", "Vendor shall reimburse Company for the reasonable costs of responding to a Security Event caused by Vendor."],
    ["incident_notification", "The Service Provider shall intimate the Client of any Cyber Incident within six (6) hours."],
  ])("wording seen only in holdout documents is found: %s", (code, text) => {
    expect(find(text, code).found).toBe(true);
  });

  test.each([
    ["incident_notification", "The Provider will inform the Customer promptly of any security breaches affecting the platform."],
    ["data_return_deletion", "After the cessation of the Services the Processor shall delete all copies of the Customer Personal Data."],
    ["data_return_deletion", "Once the contract is terminated, the Supplier will remove the Customer Data from its systems."],
    ["data_return_deletion", "When you close your account, the Provider shall delete all of the data you uploaded."],
    ["subprocessor_consent", "Neither party shall delegate any performance under this agreement without the other party's prior permission."],
    ["liability_indemnification", "Each party indemnifies the other against all claims and losses arising out of a breach of this DPA."],
  ])("real-contract vocabulary: %s in %j", (code, text) => {
    expect(find(text, code).found).toBe(true);
  });

  test("removing a feature at the end of a period is no deletion of data", () => {
    expect(find("If the Vendor removes features and the Customer ends this agreement, the Vendor agrees to refund prepaid fees.", "data_return_deletion").found).toBe(false);
  });

  test("the SCCs' Annex I description of a transfer states no duty, and completing the SCCs is no residency clause", () => {
    const proposals = findClauses({
      sections: [
        { heading: "Annex I. B. Description of Transfer", text: "Upon termination of the account, the Data Importer will delete all Personal Data in accordance with the DPA." },
        { heading: "International transfers", text: "For transfers of Personal Data originating from the EEA the SCCs shall apply; the optional wording of Clause 11 will not apply." },
      ],
    });
    expect(proposals.find((p) => p.clauseCode === "data_return_deletion")?.found).toBe(false);
    expect(proposals.find((p) => p.clauseCode === "data_residency")?.found).toBe(false);
  });

  test("returning confidential information handled by staff at the end of an agreement is no staff confidentiality duty", () => {
    const text = "Upon termination of the agreement, the Company will return all Confidential Information that its Staff hold to the Client.";
    expect(find(text, "agent_access_confidentiality").found).toBe(false);
    expect(find(text, "data_return_deletion").found).toBe(true);
  });

  test("the notification time stated in the next sentence of the same paragraph is the value; another paragraph's time is not", () => {
    const duty = "The Supplier shall report to the Customer any breach of the Customer's unsecured PHI that it discovers.";
    const same = find(`${duty} Notification will be made without unreasonable delay and no more than five (5) business days after discovery.`, "incident_notification");
    expect(same.value).toMatchObject({ kind: "hours", hours: 168 });
    const other = find(`${duty}\n\nNotification of changes to the service is made at least 30 days in advance.`, "incident_notification");
    expect(other.found).toBe(true);
    expect(other.value).toBeUndefined();
  });

  test("a section's own heading supplies the subject a sentence leaves out, never the duty, and only the clause's own headings do", () => {
    const under = (heading: string, text: string, code: string) => findClauses({ sections: [{ heading, text }] }).find((p) => p.clauseCode === code)!;
    expect(under("Security Breach Notification", "The Supplier will notify the Customer within forty-eight (48) hours.", "incident_notification")).toMatchObject({
      found: true,
      value: { kind: "hours", hours: 48 },
    });
    expect(under("Effect of Termination", "The Processor shall delete all Customer Data within thirty (30) days.", "data_return_deletion").found).toBe(true);
    // Without the heading the same sentences name no incident and no termination.
    expect(find("The Supplier will notify the Customer within forty-eight (48) hours.", "incident_notification").found).toBe(false);
    expect(find("The Processor shall delete all Customer Data within thirty (30) days.", "data_return_deletion").found).toBe(false);
    // "Network Security" is no insurance heading; a heading alone is no clause.
    expect(under("Network Security", "The customer must comply with any other organisation's security policy.", "cyber_insurance").found).toBe(false);
    expect(under("Security Breach Notification", "Contact details are listed below for reference purposes.", "incident_notification").found).toBe(false);
  });

  test("unauthorised access to the customer's data is an incident to notify", () => {
    expect(find("The Provider shall notify the Customer within 24 hours of becoming aware of any unauthorized access to Customer Data.", "incident_notification")).toMatchObject({
      found: true,
      value: { kind: "hours", hours: 24 },
    });
    expect(find("The Provider shall notify the Customer within 24 hours of any change to its prices.", "incident_notification").found).toBe(false);
  });

  test("a mutual clause that limits disclosure to staff with a need to know under a duty of confidence binds the vendor's staff; a party answering for its staff's breach does not", () => {
    expect(
      find(
        "The receiving party will restrict disclosure of Confidential Information to those employees or agents with a need to know such information and who are under a duty of confidentiality no less protective than this Agreement.",
        "agent_access_confidentiality",
      ).found,
    ).toBe(true);
    expect(find("If a party's personnel breach these confidentiality obligations, this agreement will treat that breach as if committed by the party itself.", "agent_access_confidentiality").found).toBe(false);
  });

  test("'in no event shall … be liable … in excess of' is a cap; a compromise of data is an incident", () => {
    expect(find("IN NO EVENT SHALL COMPANY BE LIABLE TO CUSTOMER FOR ANY AMOUNT IN EXCESS OF THE FEES PAID IN THE TWELVE MONTHS BEFORE THE CLAIM.", "liability_cap").found).toBe(true);
    expect(find("In no event shall Company be liable for any indirect or consequential damages.", "liability_cap").found).toBe(false);
    expect(find("The Supplier shall notify the Customer without undue delay of any compromise of Customer Data.", "incident_notification").found).toBe(true);
  });

  test("'including but not limited to' is no limit of liability", () => {
    expect(find("The Supplier accepts no liability for indirect damages, including but not limited to loss of profits, goodwill or data.", "liability_cap").found).toBe(false);
    expect(find("The Supplier's total liability shall be limited to the fees paid in the twelve months before the claim.", "liability_cap").found).toBe(true);
  });

  test("an audit limited to reports is found, with a hint", () => {
    const p = find("Customer agrees that Provider's SOC 2 Type II report shall satisfy any audit right Customer may have.", "right_to_audit");
    expect(p.found).toBe(true);
    expect(p.hints.map((h) => h.code)).toEqual(["reports_only"]);
  });

  test("adding a clause is data only", () => {
    const catalogue = clauseCatalogueSchema.parse({
      ...CLAUSE_CATALOGUE,
      clauses: [
        {
          code: "background_checks",
          title: "Background checks",
          description: "Agents are screened before access.",
          presentWhen: "The vendor must screen agents.",
          valueKind: "none",
          severityWhenMissing: "medium",
          severityWhenDeviating: "medium",
          blockerForElevatedTier: false,
          source: "docs/rules.md §6",
          finder: { threshold: 3, signals: [{ all: ["background (?:checks?|screening)"], weight: 3, core: true }] },
        },
      ],
    });
    const [p] = findClauses({ sections: [{ heading: null, text: "Provider shall complete background checks on each Agent." }] }, catalogue);
    expect(p).toMatchObject({ clauseCode: "background_checks", found: true });
  });

  test("an invalid pattern in the catalogue is rejected when the data loads", () => {
    const bad = structuredClone(CLAUSE_CATALOGUE) as unknown as { clauses: { finder: { signals: { all: string[] }[] } }[] };
    bad.clauses[0]!.finder.signals[0]!.all = ["(unclosed"];
    expect(clauseCatalogueSchema.safeParse(bad).success).toBe(false);
  });
});

describe("error classes met on further real agreements", () => {
  const inSection = (heading: string, text: string, code: string) => findClauses({ sections: [{ heading, text }] }).find((p) => p.clauseCode === code)!;

  test("a heading names the subject, never the action: under 'Liability and indemnities' a sentence on liability is no indemnity", () => {
    const p = inSection("9 Liability and indemnities", "9.2 The Supplier shall be liable for Data Protection Losses under this Agreement only to the extent caused by its own breach.", "liability_indemnification");
    expect(p.found).toBe(false);
  });

  test("a heading may still name what a sentence is about: the liability of a cap, the subcontractors of a consent", () => {
    expect(inSection("12. Limitation of Liability", "12.1 In no event will the aggregate amount payable by the Supplier exceed £1,000,000.", "liability_cap").found).toBe(true);
    expect(inSection("8. Subcontracting", "8.1 The Supplier shall obtain the Customer's prior written consent before engaging anyone to perform the Services.", "subprocessor_consent").found).toBe(true);
  });

  test("the time stated in the next sentence that picks up the notice by its noun ('Such notice shall be given …')", () => {
    const text = "The Supplier shall notify the Customer of a Personal Data Breach. Such notice shall be given within 24 hours of the Supplier becoming aware of it.";
    expect(inSection("7. Breach notification", text, "incident_notification").value).toMatchObject({ kind: "hours", hours: 24 });
  });

  test("'shall in no circumstances exceed' is a cap", () => {
    const p = find("The Supplier's total aggregate liability arising out of this Agreement shall in no circumstances exceed £500,000.", "liability_cap");
    expect(p).toMatchObject({ found: true, value: { kind: "money", amountMinor: 50_000_000, currency: "GBP" } });
  });

  test("'cybersecurity liability' insurance is cyber insurance", () => {
    expect(find("The Provider agrees to carry insurance policies covering privacy and cybersecurity liability for the whole term.", "cyber_insurance").found).toBe(true);
  });

  test.each([
    ["right_to_audit", "The Customer shall have no right to audit the Supplier's systems or premises."],
    ["right_to_audit", "The Customer waives any right to audit the Provider's data centres."],
    ["right_to_audit", "Under no circumstances will the Customer be permitted to inspect the Supplier's facilities."],
    ["liability_indemnification", "The Supplier shall have no obligation to indemnify the Customer for any losses arising from a Security Incident."],
  ])("a right denied, waived or excluded is no protection, and is quoted as an exclusion: %s: %s", (code, text) => {
    const p = find(text, code);
    expect(p.found).toBe(false);
    expect(p.exclusion?.quote).toBe(text);
  });

  test.each([
    "The Supplier shall indemnify the Customer against all third-party claims, excluding claims arising from data breaches or security incidents.",
    "The Supplier shall indemnify the Customer against third-party claims, except for claims relating to personal data or data protection.",
  ])("an indemnity that carves the breach out excludes it: %s", (text) => {
    const p = find(text, "liability_indemnification");
    expect(p.found).toBe(false);
    expect(p.exclusion?.quote).toBe(text);
  });

  test.each([
    ["liability_indemnification", "The Supplier shall indemnify the Customer against all losses arising from a data breach, except to the extent caused by the Customer."],
    ["liability_cap", "EXCEPT FOR EXCLUDED CLAIMS, EACH PARTY'S TOTAL CUMULATIVE LIABILITY ARISING OUT OF OR RELATING TO THIS AGREEMENT SHALL NOT EXCEED USD 2,000,000."],
    ["agent_access_confidentiality", "The Supplier will not disclose Customer Data to anyone other than its employees who need to know it and are bound by written confidentiality obligations."],
  ])("an exception that leaves the subject standing, opens the sentence, or is what a prohibition allows, keeps the clause: %s", (code, text) => {
    expect(find(text, code).found).toBe(true);
  });

  test("a customer's own duty to notify is still not the vendor's, with or without a negation nearby", () => {
    expect(find("The Customer shall notify the Provider immediately of any unauthorised use of its account or any security breach.", "incident_notification").found).toBe(false);
  });

  test("audit rights left to another document are by reference; audit rights added to them are the clause", () => {
    expect(find("The Customer's audit rights are as set out in the Master Services Agreement.", "right_to_audit")).toMatchObject({ found: false, byReference: true });
    expect(find("In addition to the audit rights set out in the Agreement, the Customer may audit the Processor's facilities on 30 days' notice.", "right_to_audit").found).toBe(true);
  });

  test("a parenthetical aside in the subject does not make the vendor the one entitled", () => {
    const p = find("The Client or an auditor it appoints (other than a competitor of the Supplier) is entitled to audit the processing under this addendum.", "right_to_audit");
    expect(p.found).toBe(true);
  });

  test("a sentence spelling out the one before it carries its duty", () => {
    const p = find(
      "The Supplier will maintain an information security programme for the data it holds. This includes giving security training to the Supplier's workforce and appointing a security officer.",
      "security_training",
    );
    expect(p.found).toBe(true);
  });

  test("'Recipient' is a role either party takes, not the vendor's name: its staff confidentiality duty counts", () => {
    const text = [
      "At all times Recipient will protect Discloser's Confidential Information.",
      "Except as permitted here, Recipient will not use Discloser's Confidential Information.",
      "On request, Recipient will return Discloser's Confidential Information.",
      "Recipient may disclose Discloser's Confidential Information to employees and contractors who need to know it, but only if each is bound by confidentiality obligations at least as protective as these.",
    ].join(" ");
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

  test.each([
    "Logical access to the data centres is restricted by firewalls and logged.",
    "Any such transfer is made under the UK Addendum, completed as follows.",
    "The Processor only processes personal data on the Controller's instructions, unless EU or member state law requires otherwise.",
  ])("no residency clause under a transfers heading: %s", (text) => {
    expect(inSection("3. Restricted Transfers", text, "data_residency").found).toBe(false);
  });

  test.each([
    "Personal information shall be processed only at the Supplier's sites in Leeds and Cardiff, United Kingdom.",
    "The processing takes place exclusively in a member state of the European Union.",
  ])("a residency clause naming its places at some distance from the verb: %s", (text) => {
    expect(find(text, "data_residency").found).toBe(true);
  });

  test("a ban on transfers outside a named country is residency even when it names the transfer agreement; an onward transfer to third parties is not", () => {
    const heading = "6. Restricted transfers";
    expect(inSection(heading, "6.1 The Processor shall not transfer Customer Personal Data outside the United Kingdom, except under the IDTA signed by the parties.", "data_residency").found).toBe(true);
    expect(inSection(heading, "It will not disclose or transfer the personal data to a third party data controller located outside the European Economic Area unless the data exporter is told.", "data_residency").found).toBe(false);
  });

  test.each([
    "Each party's liability arising out of this DPA is subject to the waivers, exclusions, and limitations of liability stated in the Agreement.",
    "Liability under this DPA is subject to the limitations and exclusions of liability set out in the 'Limitation of Liability' section of the Terms & Conditions.",
  ])("a cap deferred to another document is by reference: %s", (text) => {
    expect(find(text, "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test("a vendor that compensates damages from processing in breach of the DPA bears the cost", () => {
    const p = find("The Supplier shall compensate the Client for damages caused by the Supplier's processing of personal data in breach of this DPA.", "liability_indemnification");
    expect(p.found).toBe(true);
  });
});

describe("error classes the measured weak families share (cap by reference, staff confidentiality, training, residency, deletion)", () => {
  test.each([
    "Any claim under this Addendum is subject to the provisions of the Master Services Agreement concerning limitation of liability.",
    "The parties' liability under this DPA is governed by Section 11 (Limitation of Liability) of the Customer Agreement.",
    "The limitations and exclusions of liability contained in the Terms of Service apply to any breach of this Schedule.",
    "Liability arising from this addendum is subject to the Limitation of Liability clause of the Main Services Contract.",
  ])("a liability limitation incorporated from another agreement, in any word order, is by reference: %s", (text) => {
    expect(find(text, "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test.each([
    "The Supplier's liability is subject to the limitations set out in clause 14 of this Agreement.",
    "The Customer's licence is subject to the restrictions set out in the Agreement.",
  ])("a limitation kept in this document, or a restriction that is no liability limit, is not by reference: %s", (text) => {
    expect(find(text, "liability_cap").byReference).toBeUndefined();
  });

  test("a cap this document states on top of the other agreement's limitations is the clause", () => {
    expect(find("In addition to the limitations in the Agreement, the Supplier's liability under this DPA shall not exceed £2,000,000.", "liability_cap").found).toBe(true);
  });

  test("liability limited to a party's own share of the processing is no cap; liability limited to an amount is", () => {
    expect(find("The liability of each sub-processor is limited to its own processing activities under these Clauses.", "liability_cap").found).toBe(false);
    expect(find("The Supplier's liability is limited to the fees paid in the twelve months preceding the claim.", "liability_cap").found).toBe(true);
  });

  test.each([
    "Every person authorised by the Processor to access Customer Personal Data must be subject to a written duty of confidence.",
    "The Vendor shall ensure that each employee with access to Client Data has signed a non-disclosure agreement.",
    "All Supplier staff sign confidentiality undertakings before they are given access to Customer Data.",
  ])("a confidentiality duty on one authorised person, one employee, or stated in the present tense binds the vendor's staff: %s", (text) => {
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

  test("a customer's duty about its own employee is still not the vendor's", () => {
    expect(find("The Customer shall ensure that each employee who uses the Service is bound to keep the login credentials confidential.", "agent_access_confidentiality").found).toBe(false);
  });

  test.each([
    "The Supplier shall train its staff in the proper handling of personal data at induction and every year thereafter.",
    "Contractor personnel undertake mandatory information security training each year.",
  ])("training in handling personal data, or training the vendor's staff undertake, is security training: %s", (text) => {
    expect(find(text, "security_training").found).toBe(true);
  });

  test.each([
    "Provider will not use Personal Data to train its artificial intelligence models.",
    "Customer Data may be used for model training only with the Customer's consent.",
  ])("training a model on data is no staff training: %s", (text) => {
    expect(find(text, "security_training").found).toBe(false);
  });

  test.each([
    "Customer Data will be stored only in data centres located in the Netherlands and France.",
    "The Provider shall host the Customer's data in the region chosen by the Customer when the account is created.",
    "We will keep all customer content within Europe for the duration of the subscription.",
  ])("a storage commitment naming a country, a continent or the region the customer chose is residency: %s", (text) => {
    expect(find(text, "data_residency").found).toBe(true);
  });

  test("where the vendor company itself is located is no data location", () => {
    expect(find("The Provider, Inc. is located in the United States and its support team works from Canada.", "data_residency").found).toBe(false);
  });

  test("deletion at the end of a subscription term is deletion at the end of the contract", () => {
    expect(find("Within 60 days after the end of the subscription term, the Provider shall erase all Customer Data.", "data_return_deletion").found).toBe(true);
  });
});

describe("error classes met on the second batch of further agreements", () => {
  test("the customer's right to test the vendor's security is an audit right; the vendor testing itself, or acceptance testing, is not", () => {
    expect(find("The Supplier shall allow the Customer or a tester it appoints to test the security of the hosted platform twice a year.", "right_to_audit").found).toBe(true);
    expect(find("The Supplier shall test the security of its platform every year and may share a summary with the Customer.", "right_to_audit").found).toBe(false);
    expect(find("The Customer may test the Services for acceptance within ten days of delivery.", "right_to_audit").found).toBe(false);
  });

  test("a data residency option that names no place and restricts nothing is no residency clause; one that names the place is", () => {
    expect(find("The Provider offers a data residency option on request, at its discretion, and may process data elsewhere.", "data_residency").found).toBe(false);
    expect(find("Data residency: all Customer Data is stored only in Ireland.", "data_residency").found).toBe(true);
  });

  test("where the data subjects are located is no data location; data of located subjects stored in a place still is", () => {
    expect(find("The competent authority for personal data of individuals located in the United Kingdom is the Information Commissioner.", "data_residency").found).toBe(false);
    expect(find("Personal data of data subjects located in the EU will be stored only in the EU.", "data_residency").found).toBe(true);
  });

  test("liability limited to the actual damage suffered states what is compensated, not a cap; next to a deferral it leaves the cap by reference", () => {
    expect(find("As between the parties, liability is limited to the actual damage suffered.", "liability_cap").found).toBe(false);
    const text = "Each party's liability under this addendum is subject to the limitations of liability set out in the Agreement. As between the parties, liability is limited to the actual damage suffered.";
    expect(find(text, "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test("liability limited to the typical foreseeable damage (German-law drafting) names no amount or formula: no cap", () => {
    expect(find("For slight negligence the Supplier's liability is limited to the typical foreseeable damage.", "liability_cap").found).toBe(false);
  });

  test("a party that 'ensures' or 'guarantees' in the present tense binds itself; a thing that ensures binds no one", () => {
    expect(find("The Processor ensures that its employees receive regular training in data protection.", "security_training").found).toBe(true);
    expect(find("Regular training ensures that staff understand data protection.", "security_training").found).toBe(false);
    expect(find("The Customer ensures that its users receive data protection training.", "security_training").found).toBe(false);
  });
});

describe("further wording of the weak families, composed to probe the rules", () => {
  test.each([
    "Clause 12 (Limitation of Liability) of the MSA applies to this Addendum.",
    "This DPA is subject to the liability provisions of the Agreement.",
    "The total liability of Provider under this DPA will count towards and be subject to the liability cap in the Agreement.",
    "The parties agree that Section 9 (Limitation of Liability) of the Agreement shall govern any liability under this DPA.",
  ])("a named limitation clause or liability provisions of another agreement applied here are by reference: %s", (text) => {
    expect(find(text, "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test("the liability provisions of this agreement itself are not by reference", () => {
    expect(find("This DPA is subject to the liability provisions of this Agreement.", "liability_cap").byReference).toBeUndefined();
  });

  test.each([
    "Provider personnel are required to keep Customer Data confidential.",
    "Persons engaged in processing are obliged to maintain data secrecy.",
  ])("staff who must keep data confidential or secret are bound to confidentiality: %s", (text) => {
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

  test("the vendor keeping data confidential itself is still no staff confidentiality duty", () => {
    expect(find("The Supplier shall keep Customer Data confidential and limit access to its employees.", "agent_access_confidentiality").found).toBe(false);
  });

  test("security awareness education is security training", () => {
    expect(find("The Vendor will provide cybersecurity awareness education to its workforce.", "security_training").found).toBe(true);
  });

  test("a ban on offshore access is residency; where the vendor's offices are is not", () => {
    expect(find("Offshore access to Customer Data is prohibited.", "data_residency").found).toBe(true);
    expect(find("The Supplier's offices are located in Australia.", "data_residency").found).toBe(false);
  });

  test.each([
    "After the Services end, we will purge your data from our systems within 90 days.",
    "Customer Data will be deleted 30 days after account closure.",
    "Upon completion of the Services, Supplier shall return all Client materials and data.",
  ])("deletion when the services end, the account closes or the services are completed: %s", (text) => {
    expect(find(text, "data_return_deletion").found).toBe(true);
  });

  test("the customer's own right to act is no duty of the vendor; the customer's right to require the vendor to act is", () => {
    expect(find("The Customer may delete its data at any time before the end of the subscription.", "data_return_deletion").found).toBe(false);
    expect(find("The Customer may notify the Provider of a suspected security breach at any time.", "incident_notification").found).toBe(false);
    expect(find("On termination the Customer may require the Supplier to delete all Customer Data.", "data_return_deletion").found).toBe(true);
  });
});

describe("who acts when a sentence names the customer's things or leaves the doer out", () => {
  test("'your records' is the customer's thing, not the customer acting: the deletion it announces is the vendor's", () => {
    expect(find("All your records will be erased within 14 days when you close your account.", "data_return_deletion").found).toBe(true);
  });

  test("closing an account named with the product's name is the end of the service", () => {
    expect(find("All your files will be deleted immediately when you delete your Acme Cloud Storage account.", "data_return_deletion").found).toBe(true);
  });

  test("'your organisation' and 'your staff' are still the customer's side", () => {
    expect(find("Your staff must keep the access credentials confidential and are bound by your own policies.", "agent_access_confidentiality").found).toBe(false);
  });

  test("a present-tense passive bounded by a deadline is a commitment, whoever asked for it", () => {
    expect(find("On expiry of the contract or at the client's request, all personal data is erased from production systems within 30 days.", "data_return_deletion").found).toBe(true);
  });

  test("a present-tense passive with no deadline stays descriptive", () => {
    expect(find("Personal data is deleted when no longer needed, and at the end of the contract.", "data_return_deletion").found).toBe(false);
  });

  test("storage in breach of a country's law is no residency clause", () => {
    expect(find("Storage of any material in violation of United States federal or state law is prohibited.", "data_residency").found).toBe(false);
  });
});

describe("notices the customer gives are not notices to the customer", () => {
  test("helping the customer with its own reporting duties is no notice to the customer; notifying it and helping is", () => {
    expect(find("The Processor shall document every security incident and assist the Controller in fulfilling its reporting and notification obligations.", "incident_notification").found).toBe(false);
    expect(find("The Processor shall notify the Controller of any security incident without undue delay and assist the Controller in fulfilling its notification obligations.", "incident_notification").found).toBe(true);
  });
});

describe("precision guards for the generalised wording", () => {
  test.each([
    "The limitations of liability in the Agreement shall not apply to breaches of this DPA.",
    "Liability for breaches of this DPA shall not be subject to the liability cap in the Agreement.",
    "Claims under this DPA shall not be governed by Section 9 (Limitation of Liability) of the Agreement.",
  ])("a deferral that is denied is no cap by reference: %s", (text) => {
    expect(find(text, "liability_cap").byReference).toBeUndefined();
  });

  test("the customer's employees keeping credentials confidential is the customer's duty", () => {
    expect(find("The Customer's employees shall keep their access credentials confidential.", "agent_access_confidentiality").found).toBe(false);
  });

  test.each([
    "The Processor shall not use personal data for training purposes.",
    "Customer Data will not be used for training of any kind.",
  ])("data used for training is no staff training: %s", (text) => {
    expect(find(text, "security_training").found).toBe(false);
  });
});

describe("fourth probe of the weak families", () => {
  test.each([
    ["agent_access_confidentiality", "Any individual processing Personal Data on behalf of the Processor shall be subject to a duty of confidentiality."],
    ["agent_access_confidentiality", "Employees of the Service Provider are bound by professional secrecy."],
    ["security_training", "Processor personnel shall attend annual GDPR awareness sessions."],
    ["security_training", "Staff handling Customer Data are trained in information security."],
    ["data_residency", "Provider will host the Service in Canada."],
    ["data_return_deletion", "The Processor shall delete the Personal Data once the Services are no longer provided."],
  ])("%s: %s", (code, text) => {
    expect(find(text, code).found).toBe(true);
  });

  test.each([
    "The provisions of the Agreement relating to limitation of liability apply to this DPA.",
    "The Agreement's limitation of liability applies to this Addendum.",
  ])("the other agreement's liability provisions applied here are by reference: %s", (text) => {
    expect(find(text, "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test("this agreement's own limitation is not by reference, and the annex line on trained staff stays descriptive", () => {
    expect(find("This Agreement's limitation of liability applies to all claims.", "liability_cap").byReference).toBeUndefined();
    expect(find("Access is granted only to staff having followed specialised training.", "security_training").found).toBe(false);
  });
});

describe("precision guards, second probe", () => {
  test("keeping records for an authority in a country names no data location", () => {
    expect(find("The Provider keeps records of processing for inspection by the supervisory authority in Ireland.", "data_residency").found).toBe(false);
  });

  test("a passive notice to authorities within a deadline is no notice to the customer", () => {
    expect(find("Supervisory authorities are notified within 72 hours of a personal data breach.", "incident_notification").found).toBe(false);
  });
});

describe("precision guards, third probe", () => {
  test.each([
    "The Customer's liability to pay the fees is subject to the payment terms of the Agreement.",
    "The Supplier's liability for infringement claims is subject to the indemnity terms of the Agreement.",
  ])("a liability deferred to other terms that are no limitation is no cap by reference: %s", (text) => {
    expect(find(text, "liability_cap").byReference).toBeUndefined();
  });

  test("the customer's right to have the vendor act, worded 'request that the Supplier notify', is the vendor's duty", () => {
    expect(find("The Customer may request that the Supplier notify it of security incidents within 24 hours.", "incident_notification").found).toBe(true);
  });
});

describe("error classes the last two agreements showed untuned", () => {
  test("a sentence listing what the agreement covers grants nothing", () => {
    expect(find("This Addendum sets out the parties' obligations, including permitted uses of data, breach reporting, audit rights and indemnities.", "right_to_audit").found).toBe(false);
  });

  test("the customer holding an audit right together with a regulator still holds it; the regulator alone does not", () => {
    expect(find("The Client or HHS may inspect the Vendor's facilities and systems on reasonable notice.", "right_to_audit").found).toBe(true);
    expect(find("The Vendor shall make its books and records available to the Secretary of HHS for inspection.", "right_to_audit").found).toBe(false);
  });

  test("a vendor that submits its facilities for audit at the customer's request grants the audit right", () => {
    const text = "The Processor shall in particular: - on the Controller's request, submit its processing facilities for audits, including inspections, by the Controller or an auditor it mandates.";
    expect(find(text, "right_to_audit").found).toBe(true);
  });

  test("accidental or unauthorised access, in the GDPR's words, is an incident to notify", () => {
    expect(find("The Processor shall promptly notify the Controller of any accidental or unauthorised access.", "incident_notification").found).toBe(true);
  });

  test("authorised persons who are under an obligation of confidentiality are bound, in the present tense", () => {
    expect(find("All persons authorised by the Supplier to handle Customer Data are under a contractual obligation of confidentiality.", "agent_access_confidentiality").found).toBe(true);
  });

  test("training on protecting PHI is security training", () => {
    expect(find("The Business Associate shall give its workforce training on PHI protection.", "security_training").found).toBe(true);
  });
});

describe("names the vendor goes by", () => {
  test("the tail of the customer's own name ('Covered Entity') is not taken for the vendor's name", () => {
    const text = [
      "Covered Entity shall give notice of any restriction it agrees to.",
      "Covered Entity may request records of disclosures.",
      "Covered Entity will not ask for any use that HIPAA forbids.",
      "Business Associate shall protect all PHI it receives.",
      "Covered Entity or HHS may inspect the Business Associate's facilities on reasonable notice.",
    ].join(" ");
    expect(find(text, "right_to_audit").found).toBe(true);
  });
});

describe("common drafting of the weak families, written here from the usual forms of DPAs and MSAs", () => {
  test.each([
    "The Supplier's total aggregate liability under this Agreement shall in no event be greater than the fees paid during the preceding 12 months.",
    "Company's entire liability to Client shall not surpass the fees paid for the Services.",
    "The total liability of the Service Provider for damages shall be restricted to an amount equal to the annual fee.",
    "The maximum amount the Provider can be liable for under this Agreement is the amount of fees paid in the last 12 months.",
  ])("a cap worded with another comparison or verb is a cap: %s", (text) => {
    expect(find(text, "liability_cap").found).toBe(true);
  });

  test.each([
    "The Provider's liability for breaches of data protection law is unlimited and shall not be restricted to the fees paid.",
    "Nothing in this Agreement shall limit or exclude either party's liability for fraud or for death or personal injury.",
    "The Customer shall not use the Service for purposes greater than those set out in the Order Form.",
  ])("liability left unlimited, or a comparison about something else, is no cap: %s", (text) => {
    expect(find(text, "liability_cap").found).toBe(false);
  });

  test.each([
    "The limitation of liability provisions of the Agreement apply to this Data Processing Addendum.",
    "The Parties' liability under this DPA shall be governed by the liability provisions of the Agreement.",
  ])("liability provisions of the other agreement applied to this one are a cap by reference: %s", (text) => {
    expect(find(text, "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test("the liability provisions of this agreement are not incorporated from another", () => {
    expect(find("The limitation of liability provisions of this Agreement apply to any claim.", "liability_cap").byReference).toBeUndefined();
  });

  test.each([
    "All personnel of the Processor who have access to Personal Data are bound by confidentiality obligations.",
    "Staff of the Supplier who handle Customer Data are subject to written confidentiality undertakings.",
  ])("the vendor's people with access, bound in the present tense, are the clause: %s", (text) => {
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

  test.each([
    "Vendor provides annual security awareness training to all employees.",
    "We conduct data protection training for every member of our support team each year.",
    "Personnel engaged in processing Personal Data are informed of its confidential nature and have received appropriate training on their responsibilities.",
  ])("training the vendor gives, or its staff have received, stated in the present tense: %s", (text) => {
    expect(find(text, "security_training").found).toBe(true);
  });

  test.each([
    "Customer provides security awareness training to its own employees.",
    "The Provider offers optional training courses on the Service, available for purchase.",
  ])("the customer training its own staff, or training sold as a product, is not the vendor's training duty: %s", (text) => {
    expect(find(text, "security_training").found).toBe(false);
  });
});

describe("plain-language and permission forms, written here", () => {
  test("a vendor that says, in the present tense, that it deletes the content after the subscription ends states the duty", () => {
    expect(find("After your subscription ends we delete all of your content from our systems within 90 days.", "data_return_deletion").found).toBe(true);
  });

  test("the customer deleting, in the present tense, is not the vendor's duty", () => {
    expect(find("When the subscription ends, the Customer deletes its own exports from its systems.", "data_return_deletion").found).toBe(false);
  });

  test("a vendor free to subcontract without the customer's consent gives the customer no say", () => {
    expect(find("Provider may subcontract any of its obligations under this Agreement without Customer's consent.", "subprocessor_consent").found).toBe(false);
  });

  test.each([
    "The Processor shall not subcontract any processing without the prior written consent of the Controller.",
    "The Processor may engage Sub-processors without the Controller's specific consent, provided that it informs the Controller of any intended change and the Controller may object.",
  ])("a prohibition without consent, or a general authorisation with notice and objection, is the clause: %s", (text) => {
    expect(find(text, "subprocessor_consent").found).toBe(true);
  });

  test("the customer's duty to let the vendor audit it is no audit right of the customer", () => {
    expect(find("Customer shall keep complete and accurate records and permit Provider to audit them.", "right_to_audit").found).toBe(false);
  });

  test("the customer's right to require the vendor to submit to an audit stays an audit right", () => {
    expect(find("Customer may require the Supplier to submit its facilities to an audit by an independent auditor.", "right_to_audit").found).toBe(true);
  });
});

test("a vendor that may not subcontract without the customer's consent needs it", () => {
  expect(find("Supplier may not subcontract any of its obligations under the Purchase Order without Buyer's prior written consent.", "subprocessor_consent").found).toBe(true);
});

describe("forms met in a batch of four DPAs measured untuned", () => {
  test("'but not later than' bounds the notice; it is no exception", () => {
    const p = find("The Processor shall notify the Controller in writing without undue delay, but not later than 24 hours after becoming aware of a Personal Data Breach.", "incident_notification");
    expect(p.found).toBe(true);
    expect(p.value).toMatchObject({ kind: "hours", hours: 24 });
  });

  test("'but not' before what it carves out still excludes", () => {
    expect(find("The Supplier shall indemnify the Customer for third-party claims, but not for claims arising from a Personal Data Breach.", "liability_indemnification").found).toBe(false);
  });

  test("replication within the same region names no place", () => {
    expect(find("The data and service are replicated across multiple hosted data centres within the same geographic region.", "data_residency").found).toBe(false);
  });

  test("the other agreement's limitation section, named with '(or its equivalent)', is a cap by reference", () => {
    const text = "Each party's liability arising out of or related to this DPA is subject to the 'Limitations and Exclusions of Liability' (or its equivalent) section of the Agreement.";
    expect(find(text, "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test("an indemnity for the vendor's failure to comply with the data processing terms is the clause", () => {
    expect(find("Vendor agrees to indemnify and defend Company against claims, damages or expenses incurred due to any failure by the Vendor to comply with any of its obligations under this DPA.", "liability_indemnification").found).toBe(true);
  });

  test("the customer's indemnity for its own failure to comply is not", () => {
    expect(find("Customer shall indemnify Provider against claims arising from any failure by Customer to comply with its obligations under this DPA.", "liability_indemnification").found).toBe(false);
  });

  test("a measure the processor must take to keep its employees with access to confidentiality is the clause", () => {
    const markdown = "The Processor shall implement the following measures:\n\n1. Encryption of Personal Data at rest.\n2. A process to ensure the confidentiality of employees who have access to the Personal Data.\n";
    expect(findClauses({ sections: markdownToSections(markdown) }).find((p) => p.clauseCode === "agent_access_confidentiality")!.found).toBe(true);
  });
});

describe("forms met in hosting terms measured untuned", () => {
  const mutualAccess =
    "Each Party shall protect the other's Confidential Information and limit access to it to its employees (which for Supplier includes its subcontractors' employees) on a need-to-know basis, provided those persons first agree to observe the confidentiality of the Confidential Information, without the other Party's prior written consent.";

  test("people with access who must first agree to observe confidentiality are bound", () => {
    expect(find(mutualAccess, "agent_access_confidentiality").found).toBe(true);
  });

  test("a subcontractor's employees named in passing say nothing of consent to subcontracting", () => {
    expect(find(mutualAccess, "subprocessor_consent").found).toBe(false);
  });
});

describe("forms met in services agreements measured untuned", () => {
  test("both parties named together as one subject bind the vendor too", () => {
    expect(find("Supplier and Client will each indemnify and hold harmless the other from and against any and all losses arising from any breach of this Agreement or negligence of its employees.", "liability_indemnification").found).toBe(true);
  });

  test("the customer alone indemnifying is still not the vendor's indemnity", () => {
    expect(find("Client will indemnify and hold harmless Supplier from and against any and all losses arising from any breach of this Agreement.", "liability_indemnification").found).toBe(false);
  });

  test("a party that will cause its employees to keep the other's information confidential binds its staff", () => {
    expect(find("During and after the term, each party will cause its officers, employees, contractors and agents to keep secret and confidential all Confidential Information of the other.", "agent_access_confidentiality").found).toBe(true);
  });

  test("delivering the client's materials and copies back at termination is a return", () => {
    expect(find("Upon termination of this Agreement, Supplier will deliver to Client all documents and other materials in its possession (including all copies thereof) containing Client's information.", "data_return_deletion").found).toBe(true);
  });

  test("delivering a final invoice at termination is not", () => {
    expect(find("Upon termination of this Agreement, Supplier will deliver a final invoice for the Services performed.", "data_return_deletion").found).toBe(false);
  });
});

describe("outsourced customer support drafting, written here", () => {
  test("customer service representatives are the vendor's people, not the customer", () => {
    expect(find("All customer service representatives will receive information security awareness training upon hire and annually thereafter.", "security_training").found).toBe(true);
  });

  test("the customer's own people are still the customer's", () => {
    expect(find("Customer's employees will receive information security awareness training from Customer.", "security_training").found).toBe(false);
  });

  test("one team member handling the client's calls, bound in writing, is the clause", () => {
    expect(find("Contractor shall ensure that every team member handling Client calls is bound by written obligations of confidentiality.", "agent_access_confidentiality").found).toBe(true);
  });

  test.each([
    "Contractor shall not relocate the Services or any Client Data to any other country without Client's prior written consent.",
    "No Client Data shall be accessed from outside the approved delivery locations listed in Schedule 3.",
    "The Services shall be performed solely from Contractor's delivery centres in Manila, Philippines.",
  ])("a delivery location the vendor may not leave is residency: %s", (text) => {
    expect(find(text, "data_residency").found).toBe(true);
  });

  test.each([
    "Contractor may relocate the Services to any other country on thirty days' notice.",
    "The Services shall be performed in accordance with the Statement of Work from the Contractor's offices.",
  ])("a location the vendor may change at will, or none, is not: %s", (text) => {
    expect(find(text, "data_residency").found).toBe(false);
  });

  test("a breach involving the customer's information is an incident to report", () => {
    const p = find("Vendor must alert Customer of any breach involving Customer information no later than two (2) business days after discovery.", "incident_notification");
    expect(p.found).toBe(true);
  });

  test("a breach of the agreement is not", () => {
    expect(find("Vendor must notify Customer of any breach of this Agreement within thirty days.", "incident_notification").found).toBe(false);
  });
});

describe("forms met in a second batch of DPAs measured untuned", () => {
  test("deleting or returning the data once the purposes of the processing are fulfilled is deletion at the end", () => {
    const text = "After the purposes of the processing have been fulfilled (or earlier upon the Client's written request), the Processor shall, at the Client's option, either delete or return all Personal Data.";
    expect(find(text, "data_return_deletion").found).toBe(true);
  });

  test("deleting on the customer's instruction alone, at no end, is not (docs/rules.md: at the end of the contract)", () => {
    expect(find("Upon instruction from the Company, the Processor shall return or delete all Company Personal Data.", "data_return_deletion").found).toBe(false);
  });

  test("information on compliance presented to the customer's auditor is an audit right (limited to reports)", () => {
    const p = find("At Customer's request, the Provider will present information concerning its compliance with this DPA to Customer and/or an independent third-party auditor appointed by Customer, including completion of audit questionnaires and its SOC 2 report.", "right_to_audit");
    expect(p.found).toBe(true);
  });

  test("'any Limitation of Liability section of the Services Agreement' is a cap by reference", () => {
    const text = "Each party's liability arising out of or related to this DPA is subject to any “Limitation of Liability” section of the Services Agreement.";
    expect(find(text, "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test("liability for which the other terms' limitations apply is a cap by reference", () => {
    const text = "For any other liability based on legal provisions other than the GDPR, the limitations and provisions set forth in the TC shall apply.";
    expect(find(text, "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test("provisions of the other terms applied to something other than liability are not", () => {
    expect(find("For the payment of fees, the provisions set forth in the TC shall apply.", "liability_cap").byReference).toBeUndefined();
  });
});

describe("forms met in SaaS and cloud terms measured untuned", () => {
  test("informing one's representatives of the restrictions is no incident notice", () => {
    const text = "Each Party shall take reasonable precautions to prevent any unauthorised disclosure of the other Party's Confidential Information, disclosing it only to Representatives who have a need to know it, are parties to appropriate agreements sufficient to comply with this Section, and are informed of the restrictions on its use.";
    expect(find(text, "incident_notification").found).toBe(false);
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

  test("the customer informed of an incident is still an incident notice", () => {
    expect(find("The Customer shall be informed by the Provider of any Security Incident within 48 hours.", "incident_notification").found).toBe(true);
  });

  test("security awareness training sold as the product is no training duty", () => {
    expect(find("Responsibilities that may be required include planning phishing security awareness programs, creating training materials and simulation content.", "security_training").found).toBe(false);
  });

  test.each([
    "You further authorize us to use a third party to process payments, and consent to the disclosure of your payment information to such third party.",
    "You hereby consent to Us and Our sub-contractors using Your Content to provide the Services.",
  ])("a blanket consent given in the terms themselves leaves the customer no say: %s", (text) => {
    expect(find(text, "subprocessor_consent").found).toBe(false);
  });

  test("an authorisation that comes with notice of changes and a right to object stays the clause", () => {
    expect(find("Customer hereby authorises the sub-processors listed in Annex 3; Processor shall notify Customer of any new sub-processor and Customer may object.", "subprocessor_consent").found).toBe(true);
  });

  test("a third party's right to verify the customer's compliance is no audit right of the customer", () => {
    expect(find("You agree that Microsoft holds the right to enforce this Appendix and may verify your compliance with it.", "right_to_audit").found).toBe(false);
  });

  test("a security policy on a cyber-security website is no insurance", () => {
    expect(find("The Consumer shall comply with all relevant policies published on the Data and Cyber Security Centre website.", "cyber_insurance").found).toBe(false);
  });

  test("a cyber liability policy with a limit is insurance", () => {
    expect(find("Supplier shall maintain a cyber liability policy with limits of not less than $2,000,000 per claim.", "cyber_insurance").found).toBe(true);
  });

  test("an indemnity for misuse of customer data stays one when it also covers IP claims", () => {
    const text = "We will indemnify, defend and hold you harmless against any third-party Action arising out of (1) an allegation that the Service infringes a patent or copyright, or (2) our breach of our confidentiality obligations or our use of Customer Data in violation of this Agreement.";
    expect(find(text, "liability_indemnification").found).toBe(true);
  });

  test("an IP indemnity alone is not the clause", () => {
    expect(find("We will indemnify, defend and hold you harmless against any third-party Action alleging that the Service infringes a patent, trademark or copyright.", "liability_indemnification").found).toBe(false);
  });

  test("retention and deletion left to the DPA is deletion by reference", () => {
    const p = find("Retention, Deletion and Retrieval of Customer Data. For information regarding the retention and deletion of Customer Data, please see the Obligations section of our DPA.", "data_return_deletion");
    expect(p).toMatchObject({ found: false, byReference: true });
  });

  test("deploying in the provider's UK data centres is residency", () => {
    expect(find("You have the choice of deploying the solution in one or both of Our UK data centres.", "data_residency").found).toBe(true);
  });

  test("'shall be limited £1000', with the 'to' dropped, is still a cap", () => {
    expect(find("Our total liability arising in connection with this Agreement shall be limited £1000 for the Service which gave rise to the claim.", "liability_cap").found).toBe(true);
  });
});

test("retention 'as described in the Agreement and this DPA' in a transfer annex is no deletion by reference", () => {
  const text = "For these purposes, the parties agree that the nature and purpose of processing, categories of personal data, and retention are as described in the Agreement and this DPA.";
  expect(find(text, "data_return_deletion").byReference).toBeUndefined();
});

describe("forms met in a third batch of DPAs measured untuned", () => {
  test("'including but not limited to' widens; it carves nothing out", () => {
    const text = "The Processor undertakes in particular, but not limited to, to abide by the following requirements: (4) to make available to the Client all information necessary to demonstrate compliance, and to allow audits, always within the limits of proportionality, and only if such an audit may not impose a threat to the rights of any third party.";
    expect(find(text, "right_to_audit").found).toBe(true);
  });

  test("a modal inside a condition is not the main verb", () => {
    expect(find("Provided that the audit shall not disrupt the Supplier's business, the Customer may audit the Supplier's compliance once a year.", "right_to_audit").found).toBe(true);
  });

  test.each([
    "If personal data is transferred from a country within the European Economic Area to a country outside it, the parties shall ensure that the data are adequately protected.",
    "Customer Personal Data may be processed in the United States and other countries where the Provider or its Sub-processors maintain facilities.",
    "The Provider primarily stores Customer Personal Data in Australia.",
    "Some Customer Personal Data may also be processed outside Australia by the Sub-processors.",
  ])("a safeguarded transfer, places 'and other countries', a primary location or a permission to process elsewhere is no residency: %s", (text) => {
    expect(find(text, "data_residency").found).toBe(false);
  });

  test("data that are not transferred or processed outside the EEA is residency", () => {
    expect(find("The Processor uses cloud sub-processors (while, however, the personal data are not transferred or processed outside of the European Economic Area).", "data_residency").found).toBe(true);
  });

  test("deletion once the agreement ceases to be effective is deletion at the end", () => {
    expect(find("Once this Data Processing Agreement ceases to be effective for any reason, the Processor undertakes to delete or return all the personal data.", "data_return_deletion").found).toBe(true);
  });
});

test("where the data subjects are located, 'within' the EU, is no data location", () => {
  expect(find("This Addendum only applies if you or your customers are data subjects located within the EU.", "data_residency").found).toBe(false);
});

describe("forms met in services, security and cloud terms measured untuned", () => {
  test("the client authorised to run penetration tests on the services, itself or through an auditor, has an audit right", () => {
    expect(find("The CLIENT is authorized to conduct, directly or through a specifically mandated external auditor, penetration tests on the provided Services.", "right_to_audit").found).toBe(true);
  });

  test("the vendor assessing a plugin for the security problems it may have is no audit right", () => {
    expect(find("For a fee, the Supplier will conduct an assessment of a plugin intended to give a broad understanding of the kinds of security problems that plugin may have.", "right_to_audit").found).toBe(false);
  });

  test("a customer that promises to indemnify is not the vendor indemnifying", () => {
    expect(find("The CLIENT also promises to actively participate in managing any legal action involving Content, and agrees to indemnify the Provider for all resulting damages, including any potential penalties.", "liability_indemnification").found).toBe(false);
  });

  test("service penalties as a lump-sum indemnity for incidents are no indemnity for data breaches", () => {
    expect(find("When the application of penalties is requested by the CLIENT, the payment of these penalties by the Service Provider will constitute a final lump-sum indemnity for damages concerning the incidents that gave rise to the penalty.", "liability_indemnification").found).toBe(false);
  });

  test.each([
    "The Processor shall: (c) not use sub Processors without consent of the Controller;",
    "The Supplier will not outsource any part of the Work without your prior agreement, which will not be unreasonably withheld.",
  ])("sub-processing or outsourcing that needs the customer's consent or prior agreement: %s", (text) => {
    expect(find(text, "subprocessor_consent").found).toBe(true);
  });

  test("the vendor will: not transfer data outside the EEA is residency", () => {
    expect(find("The Supplier will: (a) not transfer any Host Personal Data outside of the European Economic Area;", "data_residency").found).toBe(true);
  });

  test("'cyber' in the vendor's own name makes no cyber insurance", () => {
    expect(find("Acme Cyber will maintain an appropriate level of insurance against professional negligence at all times.", "cyber_insurance").found).toBe(false);
  });

  test("cyber insurance named as such stays", () => {
    expect(find("The Supplier will maintain cyber insurance of at least £1,000,000 at all times.", "cyber_insurance").found).toBe(true);
  });
});

test.each([
  "The Supplier may refuse to permit the use of any plugin if its assessment indicates that it presents unacceptable security risks.",
  "You recognise and agree that the nature of practical security testing makes it impractical to state in advance what personal data may be processed.",
])("the vendor refusing to permit a plugin, or the customer acknowledging how security testing works, is no audit right: %s", (text) => {
  expect(find(text, "right_to_audit").found).toBe(false);
});

test("professional liability written as 'cyber/errors and omissions liability insurance' is cyber cover", () => {
  expect(find("We will maintain: (iii) Professional Liability (cyber/errors and omissions liability insurance), with a limit of $5,000,000.", "cyber_insurance").found).toBe(true);
});

describe("forms met in a fourth batch of DPAs measured untuned", () => {
  test("where the customer is located is no data location", () => {
    expect(find("For Subscribers located in Canada, the Provider complies with PIPEDA and retains personal information only for as long as necessary.", "data_residency").found).toBe(false);
  });

  test("data stored in 'the Republic of Ireland' is stored in Ireland", () => {
    expect(find("The data pertaining to this agreement is stored only in the Republic of Ireland.", "data_residency").found).toBe(true);
  });

  test("processing that cannot be performed at other locations without authorisation is residency", () => {
    expect(find("Processing of the personal data cannot be performed at other locations than the following without the data controller's prior written authorisation.", "data_residency").found).toBe(true);
  });

  test("persons under the processor's authority committed to confidentiality are its staff", () => {
    expect(find("The data processor shall only grant access to the personal data to persons under the data processor's authority who have committed themselves to confidentiality.", "agent_access_confidentiality").found).toBe(true);
  });

  test("making a copy of the data available at termination is a return", () => {
    expect(find("Upon termination of Customer's use of the Service, Provider shall make available to Customer a copy of any Personal Data processed under this DPA.", "data_return_deletion").found).toBe(true);
  });

  test("making the service available at termination is not", () => {
    expect(find("Upon termination of the initial term, Provider shall make the Service available for a further renewal term.", "data_return_deletion").found).toBe(false);
  });
});

describe("forms met in hosting, agency and SaaS terms measured untuned", () => {
  test("the indemnification procedure is no indemnity", () => {
    expect(find("Promptly after a party seeking indemnification learns of the existence of a Claim, the indemnified party must notify the other party of the Claim in writing.", "liability_indemnification").found).toBe(false);
  });

  test("each party requiring its employees to comply with their confidentiality obligations binds its staff", () => {
    expect(find("Each party shall notify its employees of their confidentiality obligations and shall require its employees to comply with these obligations.", "agent_access_confidentiality").found).toBe(true);
  });

  test("a contractor that immediately informs the client of data protection breaches states the duty", () => {
    expect(find("The contractor immediately informs the client of personal data protection breaches.", "incident_notification").found).toBe(true);
  });

  test("a run-in title names a topic and states nothing", () => {
    expect(find("4.1. Authorized Subprocessors.", "subprocessor_consent").found).toBe(false);
  });

  test("an indemnity carved out of a limitation of liability survives it", () => {
    const text = "Except for breaches of confidentiality and indemnification obligations, the maximum liability of either party will be limited to the fees received in the preceding six months. Each party will indemnify, defend and hold the other harmless from any and all claims resulting from its breach of this Agreement.";
    expect(find(text, "liability_indemnification")).toMatchObject({ found: true });
    expect(find(text, "liability_indemnification").exclusion).toBeUndefined();
  });

  test("'If …, then the vendor is not obliged to pay indemnification' excludes it", () => {
    const p = find("3. If, on the basis of a court decision, the Supplier is obliged to provide confidential information to third parties, then the Supplier is not obliged to pay compensation or indemnification.", "liability_indemnification");
    expect(p.found).toBe(false);
  });

  test.each([
    "The data processed by us will be deleted as soon as consent is revoked or other permissions cease to apply.",
    "We delete the data after the expiry of legal warranty obligations, generally after 4 years.",
  ])("routine retention under a privacy notice is no deletion at the end: %s", (text) => {
    expect(find(text, "data_return_deletion").found).toBe(false);
  });
});

describe("forms met in a fifth batch of DPAs and SaaS terms measured untuned", () => {
  test.each([
    "We are located in the United States and process Customer Personal Data in the United States and in the locations used by our Sub-processors.",
    "Support personnel may remotely access Client Data from outside the UK/EEA only as necessary to provide the Service.",
  ])("places used by sub-processors, or access permitted from outside, is no residency: %s", (text) => {
    expect(find(text, "data_residency").found).toBe(false);
  });

  test("'Liability is governed by the main agreement' is a cap by reference", () => {
    expect(find("5.2 Liability. Liability is governed by the main agreement;", "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test("information made available to demonstrate compliance is an audit right (information only)", () => {
    expect(find("Helix shall, upon request, make available to the Controller information reasonably necessary to demonstrate compliance with this DPA.", "right_to_audit").found).toBe(true);
  });

  test("a Breach Event is an incident", () => {
    expect(find("Helix shall notify Customer without undue delay but in no event later than seventy-two (72) hours after becoming aware of any Breach Event.", "incident_notification").found).toBe(true);
  });

  test("'Audits will not include intrusive testing' limits the audit; it does not exclude it", () => {
    const text = "Customer may conduct an audit of the Provider's relevant policies and controls once in any 12-month period. Audits will not include intrusive testing of production systems.";
    const p = find(text, "right_to_audit");
    expect(p.found).toBe(true);
    expect(p.exclusion).toBeUndefined();
  });

  test("a cap in the second item under 'IN NO EVENT SHALL:' after a long first item", () => {
    const text = "IN NO EVENT SHALL: (I) PROVIDER BE LIABLE TO YOU FOR ANY CONSEQUENTIAL, INCIDENTAL, PUNITIVE, SPECIAL, EXEMPLARY OR INDIRECT DAMAGES (INCLUDING LOST PROFITS OR SAVINGS), EVEN IF YOU WERE ADVISED OF THE POSSIBILITY OF THE OCCURRENCE OF SUCH DAMAGES; OR (II) PROVIDER'S LIABILITY TO YOU ARISING OUT OF THESE TERMS EXCEED AN AMOUNT EQUAL TO THE TOTAL FEES PAID UNDER THE ORDER FORM.";
    expect(find(text, "liability_cap").found).toBe(true);
  });

  test("liability 'limited per event … to an amount' is a cap", () => {
    expect(find("Such liability will be limited per event or series of events to an amount equivalent to the subscription charges paid in the three months before the event.", "liability_cap").found).toBe(true);
  });

  test("terminating by asking the vendor to delete the account is no deletion duty", () => {
    expect(find("Termination. You may terminate these Terms at any time by asking us to delete your account via email and ceasing all use of the Services.", "data_return_deletion").found).toBe(false);
  });
});

describe("forms met in a BAA, a practice agreement and supplier terms measured untuned", () => {
  test("representatives with access subject to confidentiality restrictions are bound", () => {
    const text = "Confidential Information may be provided only to the Receiving Party's employees, agents and subcontractors that have a need for such access, such Representatives being, in each case, subject to confidentiality restrictions similar to those contained herein.";
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

  test("a use or disclosure of PHI in violation of HIPAA is an incident to report", () => {
    expect(find("Clinic will promptly report to you any use or disclosure of which Clinic becomes aware of Protected Health Information in violation of HIPAA.", "incident_notification").found).toBe(true);
  });

  test("a permitted disclosure of PHI is no incident", () => {
    expect(find("Clinic will report to you each disclosure of Protected Health Information made for treatment purposes.", "incident_notification").found).toBe(false);
  });
});

describe("forms met in services agreements measured untuned, second batch", () => {
  test("third-party audit reports and other information provided to verify compliance are an audit right (reports only)", () => {
    expect(find("Upon request by Customer, Provider will timely provide such documentation, third-party audit reports or other information reasonably necessary for Customer to verify Provider's compliance with these obligations.", "right_to_audit").found).toBe(true);
  });

  test("cybersecurity insurance in a long list of required cover is cyber insurance", () => {
    expect(find("Provider will obtain and maintain adequate liability, automobile, workers' compensation, cybersecurity, unemployment compensation, disability or other types of insurance required by law.", "cyber_insurance").found).toBe(true);
  });

  test("an indemnity with an IP limb and a negligence limb covers the negligence", () => {
    expect(find("The Developer shall indemnify the Customer against all claims arising from any third party claim (1) that the Software infringes any intellectual property right, or (2) that alleges any negligent act or omission of the Developer or its employees.", "liability_indemnification").found).toBe(true);
  });
});

test("a mutual clause binding each party's representatives binds the vendor's (a duty on each party binds the vendor too)", () => {
  const text = "Each party agrees not to disclose the other's Confidential Information to any third party except to its Representatives, provided that such Representatives agree to confidentiality measures at least as stringent as those stated in this MSA.";
  expect(find(text, "agent_access_confidentiality").found).toBe(true);
  expect(find("Each party shall keep the other party's Confidential Information confidential.", "agent_access_confidentiality").found).toBe(false);
});

describe("forms met in a sixth batch (DPAs, services, SaaS and hosting terms) measured untuned", () => {
  test("breaches relating to the protection of the customer's data are incidents", () => {
    expect(find("The Contractor will notify the Client at once if it discovers any breaches relating to the security of the Client's data.", "incident_notification").found).toBe(true);
  });

  test("complying with the law on breach notification tells the customer nothing", () => {
    const text = "Each party shall comply with all laws that apply to it, including laws on data transfers and data breach notification requirements that apply to that party.";
    expect(find(text, "incident_notification").found).toBe(false);
  });

  test("a place of processing that only an agreement can change is residency", () => {
    expect(find("The Supplier or its subcontractors process the Data in Norway unless otherwise agreed.", "data_residency").found).toBe(true);
  });

  test("no transfer out of a region without the customer's consent is residency, safeguards or not", () => {
    expect(find("The Supplier shall: Not transfer Personal Data outside the UK/EEA without prior written consent and appropriate safeguards.", "data_residency").found).toBe(true);
  });

  test("a transfer allowed on any of several mechanisms is no residency", () => {
    const text = "The Supplier shall not transfer Personal Data to a country outside Canada unless:\n\n(a) the destination offers an adequate level of protection;\n(b) approved standard contractual clauses are signed; or\n(c) the Customer has agreed in writing.";
    expect(find(text, "data_residency").found).toBe(false);
  });

  test("a region's law is not a place", () => {
    expect(find("Personal Data shall be processed only in accordance with European Union or Member State law.", "data_residency").found).toBe(false);
  });

  test("ensuring a legal mechanism before a transfer out of a region is no residency", () => {
    expect(find("Where the Supplier transfers Personal Data to a subprocessor outside the EEA, it shall only do so once a legal mechanism to achieve adequacy is in place.", "data_residency").found).toBe(false);
  });

  test("'the liability limitations outlined in the Master Agreement shall be applicable' is a cap by reference", () => {
    const p = find("The liability limitations outlined in the Master Agreement shall be applicable to this addendum.", "liability_cap");
    expect(p.byReference).toBe(true);
  });

  test("the main agreement's section entitled 'Limitation of Liability' applying is a cap by reference", () => {
    const p = find("The section of the Services Agreement entitled \"Limitation of Liability\" shall apply between the Customer and the Supplier.", "liability_cap");
    expect(p.byReference).toBe(true);
  });

  test("'including, without limitation, costs' limits nothing in an indemnity", () => {
    const text = "The Supplier agrees to indemnify and defend the Customer against any loss or cost (including, without limitation, legal costs) arising from any negligence of the Supplier.";
    expect(find(text, "liability_indemnification").found).toBe(true);
  });

  test("an indemnity against third-party claims arising from the vendor's breach of its obligations", () => {
    const text = "The Supplier agrees to indemnify the Customer against all losses related to a third-party claim arising out of a breach by the Supplier of its obligations under this Contract.";
    expect(find(text, "liability_indemnification").found).toBe(true);
  });

  test("liability for damages from processing that breaks data protection law bears the customer's loss", () => {
    expect(find("The Supplier shall be liable for the damage caused by processing that does not comply with applicable data protection law.", "liability_indemnification").found).toBe(true);
  });

  test("a survival clause naming indemnities grants none", () => {
    const text = "Provisions that by their nature should survive termination shall survive, including, without limitation, indemnity, confidentiality and limitations of liability.";
    expect(find(text, "liability_indemnification").found).toBe(false);
  });

  test("'neither party will be responsible' denies as 'shall not' does", () => {
    const text = "Despite anything in this DPA (including, without limitation, either party's indemnification obligations), neither party will be responsible for fines levied against the other party for that party's breach of data protection law.";
    expect(find(text, "liability_indemnification").found).toBe(false);
  });

  test("a waiver of consequential damages that carves out indemnities does not exclude them", () => {
    const text = [
      "Except for indemnification obligations, each party waives all claims against the other for consequential or incidental damages (including, without limitation, lost profits or data).",
      "The Supplier will indemnify and hold the Customer harmless from all third-party claims resulting from the Supplier's negligence.",
    ].join("\n\n");
    expect(find(text, "liability_indemnification").found).toBe(true);
  });

  test("ensuring confidential information is not disclosed by one's employees binds the staff", () => {
    const text = "Each Party shall take reasonable steps to ensure that the other's Confidential Information to which it has access is not disclosed by its employees or agents.";
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

  test("employees bound in writing to the vendor's obligations under the agreement", () => {
    expect(find("The Consultant will ensure that its employees and agents are bound in writing to the Consultant's obligations under this Agreement.", "agent_access_confidentiality").found).toBe(true);
  });

  test("no subcontracting without consent is a subprocessor consent, even beside assignment", () => {
    expect(find("The Consultant shall not subcontract, delegate or assign any obligations under this Agreement without the prior written consent of the Client.", "subprocessor_consent").found).toBe(true);
    expect(find("Neither party may assign this Agreement without the prior written consent of the other party.", "subprocessor_consent").found).toBe(false);
  });

  test("a licence restriction on service-bureau and outsourcing use is no subprocessor clause", () => {
    const text = "Customer agrees not to, and not to authorize any third party to, use the Software in any service-bureau, timesharing, outsourcing or similar arrangement.";
    expect(find(text, "subprocessor_consent").found).toBe(false);
  });
});

describe("forms met in a seventh batch (DPAs, services and SaaS terms) measured untuned", () => {
  test("data kept where the customer submits it, and not moved to another geographical location, is residency", () => {
    expect(find("The Supplier shall store Customer Data in the geographic location where the data is submitted by the Customer.", "data_residency").found).toBe(true);
    expect(find("Customer Data will not be transferred to, or replicated in, another geographical location unless the Customer authorises it.", "data_residency").found).toBe(true);
  });

  test("a measures schedule's 'Regular … training for all relevant employees' is a training commitment", () => {
    expect(find("Personnel: Regular security and data protection training for all staff with access.", "security_training").found).toBe(true);
    expect(find("Access is limited to staff having followed specialised training in data protection.", "security_training").found).toBe(false);
  });

  test("the customer's indemnity after its own prohibition is the customer's duty", () => {
    const text = "Customer shall not upload any Personal Data that is unlawful, and shall indemnify the Supplier from all claims and losses arising from it.";
    expect(find(text, "liability_indemnification").found).toBe(false);
  });

  test("claims subject to the exclusions and limitations set forth in the Agreement are a cap by reference", () => {
    const p = find("Any claims brought under this Addendum will be subject to the Agreement, including the exclusions and limitations set forth in the Agreement.", "liability_cap");
    expect(p.byReference).toBe(true);
  });

  test("liability limited in accordance with the provisions of the general terms is a cap by reference", () => {
    const p = find("The Parties' liability under this Addendum shall be limited in accordance with the provisions of the General Terms and Conditions.", "liability_cap");
    expect(p.byReference).toBe(true);
  });

  test("a clause that does not limit the customer's audit rights does not exclude them", () => {
    const text = [
      "The Supplier shall allow for and contribute to audits and inspections conducted by the Customer.",
      "This clause shall not modify or limit the Customer's rights of audit; it sets out how audits are run.",
    ].join("\n\n");
    const p = find(text, "right_to_audit");
    expect(p.found).toBe(true);
    expect(p.exclusion).toBeUndefined();
  });

  test("the time a paragraph opens with holds for its later sentences", () => {
    const text = "On termination, the Customer may ask for a copy of its data within 14 days. The Supplier will provide it as a download. Thereafter the Supplier will permanently delete the Customer Data from its systems.";
    expect(find(text, "data_return_deletion").found).toBe(true);
    expect(find("The Supplier will permanently delete the Customer Data from its systems.", "data_return_deletion").found).toBe(false);
  });

  test("auditors among those confidential information may go to are no audit right", () => {
    const text = "The Receiving Party may use Confidential Information solely to exercise its rights under the Agreement, and shall not disclose it to any person except to its employees, professional advisers, insurers, auditors and subcontractors who need to know it.";
    expect(find(text, "right_to_audit").found).toBe(false);
  });

  test("who may receive confidential information without consent is no subprocessor clause", () => {
    const text = "Confidential Information shall not be disclosed to any third party without prior written consent, except to employees and subcontractors who need to know it.";
    expect(find(text, "subprocessor_consent").found).toBe(false);
  });

  test("keeping data for as long as it is needed is retention, not deletion at the end", () => {
    const underTermination = (text: string) =>
      findClauses({ sections: [{ heading: "Term and Termination", text }] }).find((p) => p.clauseCode === "data_return_deletion")!;
    expect(underTermination("Deletion of data. We will only retain your data for as long as we need it.").found).toBe(false);
    expect(underTermination("Personal Data shall be retained only as long as necessary for the purpose of the services, and then securely destroyed.").found).toBe(true);
  });

  test("permission to engage subcontractors provided they are bound by confidentiality binds the staff", () => {
    expect(find("The Contractor may engage substitute personnel or subcontractors, provided such persons are bound by equivalent confidentiality obligations.", "agent_access_confidentiality").found).toBe(true);
  });

  test("a person the vendor authorises who has agreed to protect the data under confidentiality obligations", () => {
    const text = "The Supplier shall ensure that any person it authorizes to process Personal Data has agreed to protect it in accordance with the Supplier's confidentiality obligations in the Agreement.";
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

});

describe("forms met in an eighth batch (DPAs, general terms, hosting terms) measured untuned", () => {
  test("holding the other party harmless against claims from a breach of or in connection with the DPA", () => {
    const text = "Both Parties (each, the \"Indemnifying Party\") mutually undertake to hold the other Party (the \"Indemnified Party\") harmless against any third-party claims, losses and damages incurred as a result of a breach of or in connection with this DPA by the Indemnifying Party.";
    expect(find(text, "liability_indemnification").found).toBe(true);
  });

  test("the parties named in 'between the Client and Dexilion' do not act in the sentence", () => {
    const text = "The termination of the contractual relationship between the Client and Dexilion will entail the deletion of the personal data and the removal of any copies.";
    expect(find(text, "data_return_deletion").found).toBe(true);
  });

  test("'These personnel receive … training' and 'are subject to written confidentiality agreements' commit the vendor", () => {
    const text = "Provider will inform its personnel engaged in the Processing of Customer Data about its confidential nature. These personnel receive appropriate training on their responsibilities and are subject to written agreements with confidentiality obligations.";
    expect(find(text, "security_training").found).toBe(true);
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

  test("a bare 'Employee training on data protection' line of a measures annex", () => {
    expect(find("Employee training on data protection; confidentiality agreements.", "security_training").found).toBe(true);
  });

  test("the same line after the annex's lead-in, unless the lead-in is the customer's", () => {
    const annex = (leadIn: string) => `${leadIn}\n\n- Employee training on data protection;\n- Encryption of data at rest.`;
    expect(find(annex("Measures implemented by the data importer to ensure an appropriate level of security:"), "security_training").found).toBe(true);
    expect(find(annex("The Customer shall organise for its own users:"), "security_training").found).toBe(false);
  });

  test("licence verification that 'may apply' is no audit right of the customer's", () => {
    expect(find("For offline deployments, alternative license verification methods may apply to confirm compliance.", "right_to_audit").found).toBe(false);
  });

  test("countries located in a region name no place for the data", () => {
    expect(find("We use the term Designated Countries for Australia, Canada, Japan and all countries located in Europe, where special terms apply to the personal data of users.", "data_residency").found).toBe(false);
  });

  test("deleting one kind of data 'will not cancel or terminate' anything: no deletion at the end", () => {
    expect(find("Requesting the deletion of your payment information will not cancel any transactions or terminate any subscriptions you have.", "data_return_deletion").found).toBe(false);
  });
});

describe("forms met in a ninth batch (mostly DPAs) measured untuned", () => {
  const underHeading = (heading: string, text: string, code: string) =>
    findClauses({ sections: [{ heading, text }] }).find((p) => p.clauseCode === code)!;

  test("where data is stored is a primary location when the document lets it be processed elsewhere", () => {
    const elsewhere = "Certain sub-processors are located outside the European Economic Area, including in the United States.";
    expect(find(`All application data is stored and processed within the European Union, in Amsterdam.\n\n${elsewhere}`, "data_residency").found).toBe(false);
    expect(find(`We will store Customer Data within Europe for the duration of the Subscription Term.\n\n${elsewhere}`, "data_residency").found).toBe(true);
    expect(find(`Customer Data is stored and processed only within the European Union.\n\n${elsewhere}`, "data_residency").found).toBe(true);
  });

  test("a service 'currently provided from' a country describes present practice", () => {
    expect(find("The Service is currently provided from the United States, and Customer Personal Information is processed in the United States.", "data_residency").found).toBe(false);
  });

  test("an imperative checklist under a heading states the vendor's duties, unless the heading names the customer", () => {
    const notice = underHeading("3.6 Data Breach", "- Notify Controller within 24 hours of becoming aware", "incident_notification");
    expect(notice.found).toBe(true);
    expect(notice.value).toMatchObject({ kind: "hours", hours: 24 });
    expect(underHeading("3.2 Confidentiality", "- Ensure personnel are bound by confidentiality", "agent_access_confidentiality").found).toBe(true);
    expect(underHeading("4. Controller Obligations: Data Breach", "- Notify Processor within 24 hours of becoming aware of a data breach", "incident_notification").found).toBe(false);
  });

  test("'Liability limited as per Terms of Service' and 'the aggregate liability cap set forth in the Agreement' are caps by reference", () => {
    expect(find("Liability limited as per Terms of Service.", "liability_cap").byReference).toBe(true);
    expect(find("Each Party's aggregate liability under this DPA is subject to the aggregate liability cap set forth in the Agreement.", "liability_cap").byReference).toBe(true);
  });

  test("liability 'limited exclusively to' a refund is a cap", () => {
    expect(find("Supplier's liability will be limited exclusively to replacement or refund of the service charge for the Services.", "liability_cap").found).toBe(true);
  });

  test("'at the end of a client engagement' is the end", () => {
    expect(find("At the end of a client engagement and at the request of the Customer, all access data held by the Supplier will be securely destroyed.", "data_return_deletion").found).toBe(true);
  });

  test("'Data protection training for all staff' in a measures annex", () => {
    expect(find("The Supplier implements the following measures:\n\n- Encryption at rest\n- Data protection training for all staff", "security_training").found).toBe(true);
  });
});

test("a measures line with its label, 'Confidentiality: Staff bound by confidentiality obligations', binds the staff", () => {
  expect(find("Confidentiality: Staff bound by confidentiality obligations", "agent_access_confidentiality").found).toBe(true);
});

describe("what an outside review of the new readings found", () => {
  const underHeading = (heading: string, text: string, code: string) =>
    findClauses({ sections: [{ heading, text }] }).find((p) => p.clauseCode === code)!;

  test("instructions to the reader in the imperative are the customer's to follow", () => {
    expect(underHeading("Your Responsibilities", "Notify us at once if you learn of any unauthorised access to your account or any other security incident.", "incident_notification").found).toBe(false);
    expect(find("Inform the Provider without undue delay of any security incident you detect while using the API.", "incident_notification").found).toBe(false);
    expect(find("Delete all copies of the Software and Documentation within 30 days after termination of this Agreement.", "data_return_deletion").found).toBe(false);
    expect(underHeading("Exporting your data", "Return to the dashboard and click Export to download your data before closing the account.", "data_return_deletion").found).toBe(false);
  });

  test("only a sentence that carries the paragraph's time on ('Thereafter') takes it", () => {
    expect(find("Upon termination of this Agreement, all licences granted to the Customer end at once. The Provider deletes inactive trial accounts after 30 days.", "data_return_deletion").found).toBe(false);
  });

  test("a saving phrase after an exclusion does not turn it into a grant", () => {
    const text = [
      "The Supplier shall make available to the Customer all information necessary to demonstrate compliance with this DPA.",
      "The Customer shall have no right to conduct on-site audits of the Supplier; this does not affect any rights of supervisory authorities.",
    ].join("\n\n");
    const p = find(text, "right_to_audit");
    expect(p.found).toBe(false);
    expect(p.exclusion).toBeDefined();
  });

  test("a measures line labelled as, or aimed at, the customer's side is not the vendor's", () => {
    expect(find("Customer responsibilities: Regular security training for its users.", "security_training").found).toBe(false);
    expect(find("Optional services: Security awareness training for Customer's staff (charged separately).", "security_training").found).toBe(false);
    expect(find("Data protection training for Customer administrators is available on request.", "security_training").found).toBe(false);
    expect(find("Client Obligations: All employees are bound by confidentiality obligations when using the Service.", "agent_access_confidentiality").found).toBe(false);
  });

  test("a cap in the Agreement that does not apply is no cap by reference", () => {
    expect(find("The liability caps in the Agreement do not apply to this Addendum.", "liability_cap").byReference).toBeUndefined();
    expect(find("The section of the Agreement entitled \"Limitation of Liability\" shall not apply to this DPA.", "liability_cap").byReference).toBeUndefined();
  });

  test("permission to process anonymised statistics elsewhere leaves the data's place a commitment", () => {
    expect(find("All Customer Data is stored in the EU.\n\nAnonymised usage statistics may be processed in other countries.", "data_residency").found).toBe(true);
  });
});

describe("forms met in a tenth batch (DPAs and SaaS terms) measured untuned", () => {
  test("an indemnity against claims from a breach of any of the obligations set forth in the Addendum", () => {
    const text = "Each Party will indemnify and hold harmless the other from and against all third-party claims and damages arising out of: (i) breach of any of the obligations set forth in this Addendum.";
    expect(find(text, "liability_indemnification").found).toBe(true);
  });

  test("unauthorised third-party access to user accounts is an incident to notify", () => {
    expect(find("The Provider will promptly notify You if it becomes aware of unauthorized third party access to your user accounts.", "incident_notification").found).toBe(true);
  });

  test("enumerated duties share the subject named before '(i)'", () => {
    const text = "Customer (i) is solely responsible for activity in its account and for all use of the Service by its users; (ii) must prevent unauthorized access to Customer Data and will notify the Provider promptly of any unauthorized access to Customer Data.";
    expect(find(text, "incident_notification").found).toBe(false);
  });

  test("'transfers to the United States may occur' makes a hosting location primary", () => {
    expect(find("All data is hosted on servers located in Germany within the EU.\n\nLimited transfers to the United States may occur in the following cases.", "data_residency").found).toBe(false);
  });
});

describe("measures lines the tuning set's weakest family taught (training)", () => {
  test("a run-in label, then measures named before the training, is the vendor's practice", () => {
    const text = "- **Staffing.** Reference checks (where the law allows), signed non-disclosure undertakings, and privacy awareness training for employees handling Customer Personal Data.";
    expect(findMarkdown(text, "security_training").found).toBe(true);
  });

  test("'awareness' under a training label and 'trained staff' are measures too", () => {
    expect(findMarkdown("- **Training:** Phishing awareness for support agents", "security_training").found).toBe(true);
    expect(findMarkdown("* Trained personnel on information security and data protection", "security_training").found).toBe(true);
  });

  test("the customer's data in the tail does not make the line the customer's; the customer's people do", () => {
    expect(find("Annual security training for staff with access to Client Data.", "security_training").found).toBe(true);
    expect(find("Annual security training for Client staff.", "security_training").found).toBe(false);
  });

  test("a listed measure that goes on to a verb is read as a sentence, not a measures line", () => {
    expect(find("Background checks, confidentiality obligations, and security training are the responsibility of each Customer.", "security_training").found).toBe(false);
  });
});

describe("notification hours the tuning set still missed", () => {
  const hours = (markdown: string) =>
    findClauses({ sections: markdownToSections(markdown) }).find((p) => p.clauseCode === "incident_notification")!.value;

  test("the next numbered paragraph that names the notification by its noun gives its time", () => {
    const markdown = [
      "## Personal data breach",
      "",
      "1. The supplier shall notify the customer of any personal data breach without undue delay after becoming aware of it.",
      "2. The supplier's notification to the customer shall, where possible, be made within 48 hours of the supplier becoming aware of the breach.",
    ].join("\n");
    expect(hours(markdown)).toMatchObject({ kind: "hours", hours: 48 });
  });

  test("a time in the next paragraph that does not pick up the notification is not its time", () => {
    const markdown = [
      "## Personal data breach",
      "",
      "1. The supplier shall notify the customer of any personal data breach without undue delay after becoming aware of it.",
      "2. Backups are kept for 48 hours.",
    ].join("\n");
    expect(hours(markdown)).toBeUndefined();
  });

  test("a confirmed breach as the trigger keeps the time; a later confirmation does not give it", () => {
    expect(hours("If the vendor becomes aware of a confirmed security breach, the vendor will notify the client within 36 hours.")).toMatchObject({ hours: 36 });
    expect(hours("The vendor will notify the client of a breach without undue delay, and will send a report within 10 days after it confirms the breach.")).toBeUndefined();
  });
});

describe("forms met in an eleventh batch (DPAs, services, supplier and SaaS terms) measured untuned", () => {
  test("a public audit body named in a prohibition on the vendor does not exclude the customer's audit right", () => {
    const text = [
      "The Client may audit the Supplier's compliance with this Addendum once a year on 30 days' notice.",
      "",
      "While blocked, the data may not be accessed by the Supplier except to make it available to the courts, the public prosecutor or the Court of Auditors.",
    ].join("\n");
    const p = findMarkdown(text, "right_to_audit");
    expect(p.found).toBe(true);
    expect(p.exclusion).toBeUndefined();
  });

  test("a lettered item under a measures lead-in is a measures line", () => {
    const markdown = "The Supplier shall implement appropriate technical and organisational measures. These measures include, where relevant:\n\n(c) staff privacy awareness training.\n";
    expect(findMarkdown(markdown, "security_training").found).toBe(true);
  });

  test("a practice list stating that incidents are reported to customers is a notification duty; to authorities alone it is not", () => {
    expect(findMarkdown("- **Incidents:** Security incidents reported to affected clients within 48 hours", "incident_notification").found).toBe(true);
    expect(findMarkdown("- **Incidents:** Security incidents reported to the regulator within 48 hours", "incident_notification").found).toBe(false);
  });

  test("where every mention of the vendor's act is a permission, there is no duty", () => {
    expect(find("The Provider is under no obligation to keep your data after termination and is permitted to delete it once your plan ends.", "data_return_deletion").found).toBe(false);
    expect(find("On termination of your plan we will disable your login and your workspace may be deleted.", "data_return_deletion").found).toBe(false);
    expect(find("On termination the Provider shall delete all Customer Data within 30 days, and archived copies may be deleted on the next backup cycle.", "data_return_deletion").found).toBe(true);
  });
});

describe("forms met in a twelfth batch (DPAs, services, purchasing and hosting terms) measured untuned", () => {
  test("a present-tense act of the vendor after a lead-in and an item label is its duty", () => {
    const leadIn = "Upon termination or expiry of the Service, or upon the Controller's written request at any time during the term of this Agreement:";
    expect(findMarkdown(`${leadIn}\n\n1. **Export:** Supplier provides a full export for 30 days.\n2. **Deletion:** After 30 days, Supplier permanently deletes all Customer Data.\n`, "data_return_deletion").found).toBe(true);
    expect(findMarkdown(`${leadIn}\n\n1. **Exports:** The Customer deletes its own downloaded exports.\n`, "data_return_deletion").found).toBe(false);
  });

  test("after a numbered paragraph's own list ends, the lead-in above it governs the next paragraphs again", () => {
    const markdown = [
      "The Processor shall:",
      "",
      "**4.1** Implement appropriate measures, including:",
      "- Encryption of data at rest",
      "- Access controls limiting staff access to personal data",
      "",
      "**4.2** At the Customer's choice, delete or return all personal data upon termination of the services.",
    ].join("\n");
    expect(findMarkdown(markdown, "data_return_deletion").found).toBe(true);
  });

  test("an exception that opens a long capped sentence ends at its comma", () => {
    const text =
      "(a) SUBJECT TO CLAUSE 10.2, AND EXCEPT IN THE CASE OF A BREACH OF THE CONFIDENTIALITY PROVISIONS, EACH PARTY'S AGGREGATE LIABILITY TO THE OTHER OR ANY THIRD PARTY FOR ALL CLAIMS ARISING OUT OF OR IN CONNECTION WITH THIS AGREEMENT OR ANY ORDER, WHETHER IN CONTRACT, TORT (INCLUDING NEGLIGENCE) OR OTHERWISE, SHALL NOT EXCEED THE FEES PAID IN THE PRECEDING 12 MONTHS.";
    expect(find(text, "liability_cap").found).toBe(true);
    expect(find("Except for the liability caps in clause 9, which do not apply to this schedule, nothing here limits either party's liability.", "liability_cap").found).toBe(false);
  });

  test("'nothing in the Agreement excludes or limits liability for … any indemnity' keeps the indemnity", () => {
    const text = [
      "The Supplier will indemnify the Customer against all claims, losses and costs arising from its failure to comply with data protection laws.",
      "",
      "11.3. Exceptions. Nothing in the Agreement excludes or limits the liability of either party for: (i) death or personal injury; (ii) fraud; (iii) breach of the confidentiality and data protection provisions of the Agreement; (iv) in relation to any indemnity herein; and (v) anything else that cannot be excluded or limited by applicable law.",
    ].join("\n");
    const p = find(text, "liability_indemnification");
    expect(p.found).toBe(true);
    expect(p.exclusion).toBeUndefined();
  });

  test("the customer's records that the vendor and its representatives may audit are no audit right of the customer", () => {
    const text = "Customer shall keep complete records of all amounts payable and shall permit the Supplier and its duly authorised representatives to inspect and audit such records.";
    expect(find(text, "right_to_audit").found).toBe(false);
  });

  test("a document that lets data be transferred to a named country makes a hosting statement only a primary location", () => {
    expect(find("Customer Data is hosted in Germany.\n\nPersonal Data may be transferred to and processed in the United States by the sub-processors listed in Annex 3.", "data_residency").found).toBe(false);
    expect(find("Customer Data is hosted in Germany.\n\nPersonal Data may be transferred only to the European Economic Area.", "data_residency").found).toBe(true);
  });
});

describe("an outside review of the eleventh and twelfth batches' rules: wording they misread", () => {
  test("an opening exception that lists several carve-outs ends where the main clause's subject begins", () => {
    const cap = "Except for fraud, breach of clause 8 (Data Protection), or a party's indemnity obligations, neither party's aggregate liability under this Agreement shall exceed 150% of the Charges.";
    expect(find(cap, "liability_indemnification").found).toBe(false);
    expect(find(cap, "liability_cap").found).toBe(true);
    const withIndemnity = `The Supplier shall indemnify the Customer against all losses arising from any Personal Data Breach caused by the Supplier.\n\nExcept for fraud, breach of the data protection obligations, or amounts payable under an indemnity, in no event shall either party's aggregate liability exceed 150% of the Charges.`;
    const indemnity = find(withIndemnity, "liability_indemnification");
    expect(indemnity.found).toBe(true);
    expect(indemnity.exclusion).toBeUndefined();
  });

  test("a saving sentence that goes on to refuse the protection ('…, but the Supplier shall not be obliged to indemnify') preserves nothing", () => {
    const text = "10.1 The Supplier shall indemnify the Customer against all losses arising from the Supplier's negligence.\n\n10.2 Nothing in this Agreement limits a party's liability for fraud, but the Supplier shall not be obliged to indemnify the Customer for any losses arising from a Personal Data Breach.";
    expect(find(text, "liability_indemnification").found).toBe(false);
  });

  test("a present-tense act is read after a lead-in of time only, and 'provides no' denies", () => {
    expect(find("Following termination, Customer deletes its Customer Data itself, either (a) through the admin console or (b) manually; Vendor provides no deletion or return service.", "data_return_deletion").found).toBe(false);
    expect(find("The following are excluded from the Services and are available only as chargeable Professional Services: (a) Data return: on termination, the Supplier returns Customer Data on encrypted physical media.", "data_return_deletion").found).toBe(false);
  });

  test("a resumed lead-in governs only the numbered siblings of the paragraph that opened the list", () => {
    const supplierAbove = "During the Term the Supplier shall:\n\n7.1 implement the following controls:\n- encryption at rest\n- multi-factor authentication\n\n7.2 keep its ISO 27001 certificate current.\n\n8. On termination the Customer exports and deletes its own Customer Data; no return or deletion service is included.\n";
    expect(findMarkdown(supplierAbove, "data_return_deletion").found).toBe(false);
    const customerAbove = "The Customer shall:\n\n7.1 maintain the following:\n- an administrator account\n- a billing contact\n\n7.2 pay all invoices on time.\n\n8. The Supplier deletes all Customer Data within 30 days after termination.\n";
    expect(findMarkdown(customerAbove, "data_return_deletion").found).toBe(true);
  });

  test("a notice practice needs a security or data incident and a time; statistics and status pages are not notice duties", () => {
    expect(findMarkdown("- Incidents reported to customers in the last twelve months (none).", "incident_notification").found).toBe(false);
    expect(findMarkdown("- KPI 4: Critical incidents reported to customers through the status page within 15 minutes", "incident_notification").found).toBe(false);
  });

  test("measures lines: a service sold, an excluded service, and a help desk are no training duty", () => {
    expect(find("Managed Security Services. Endpoint detection, email filtering, and cyber awareness training for the subscribing organisation.", "security_training").found).toBe(false);
    expect(find("Excluded services. Annual security awareness training for personnel.", "security_training").found).toBe(false);
    expect(find("Optional add-ons: Annual security awareness training for personnel.", "security_training").found).toBe(false);
    expect(find("Trained personnel at the help desk for password resets and security questions.", "security_training").found).toBe(false);
  });

  test("what a duty makes possible ('shall ensure that … can be reported') is no mere permission", () => {
    expect(find("The Supplier shall ensure that any Personal Data Breach can be reported to the Controller within 24 hours of discovery.", "incident_notification").found).toBe(true);
    expect(find("At the end of the Term, the Processor shall ensure that all Personal Data may be returned to the Controller within 30 days.", "data_return_deletion").found).toBe(true);
  });

  test("a public audit body named beside the customer leaves the customer's audit right", () => {
    expect(find("The Authority, the National Audit Office and any auditor appointed by the Authority may audit the Supplier's records and accounts relating to this Contract.", "right_to_audit").found).toBe(true);
  });

  test("a transfer to a named country allowed only with consent is a restriction, not a permission to process elsewhere", () => {
    const text = "The Processor shall process the Personal Data within the European Economic Area.\n\nPersonal Data may be transferred to the United States only with the prior written consent of the Controller.";
    expect(find(text, "data_residency").found).toBe(true);
  });

  test("a last list item left open with a comma leads into the lettered paragraphs after it", () => {
    const markdown = "- Within 30 days after termination the Supplier shall, at the Customer's election,\n\n(a) return all Customer Data to the Customer in CSV format; or\n\n(b) permanently delete all Customer Data and certify the deletion in writing.\n";
    expect(findMarkdown(markdown, "data_return_deletion").found).toBe(true);
  });

  test("the customer's own onward notification gives no time to the vendor's notice", () => {
    const markdown = "1. The Processor shall notify the Controller of any Personal Data Breach without undue delay.\n\n2. The Controller's notification to its customers shall take place within 72 hours.\n";
    expect(findMarkdown(markdown, "incident_notification").value).toBeUndefined();
  });
});

describe("forms met in a thirteenth batch (security addenda, BAAs, support-tool terms) measured untuned", () => {
  test("a name used with verbs of practice in the present tense is the vendor's ('Acme requires all employees to …')", () => {
    const text = [
      "Acme maintains an information security program reviewed by its leadership.",
      "Acme encrypts customer content at rest and in transit.",
      "Acme requires all employees to undergo security awareness training on at least an annual basis.",
    ].join("\n\n");
    expect(find(text, "security_training").found).toBe(true);
  });

  test("customers who 'will be notified' are who is told, not who must tell", () => {
    expect(find("If a security breach does occur, all affected customers will be notified within 72 hours of our becoming aware of it.", "incident_notification").found).toBe(true);
  });

  test("a short lead-in before the vendor's present-tense act", () => {
    expect(find("As your processor we act on your instructions. This means: We notify you of any data breaches affecting your survey data.", "incident_notification").found).toBe(true);
  });

  test("each of the vendor's people, in the singular, signing or being trained; the customer's people are not", () => {
    expect(find("Every employee and contractor of the Provider signs a confidentiality agreement before receiving access to any customer data.", "agent_access_confidentiality").found).toBe(true);
    const named = "Under this Agreement Acme shall host the Service. Each day Acme shall back it up. At all times Acme will keep it secure.";
    expect(find(`${named}\n\nEvery employee and contractor at Acme signs a confidentiality agreement before receiving access to any customer data.`, "agent_access_confidentiality").found).toBe(true);
    expect(find("Every employee of the Customer signs a confidentiality agreement before receiving access to the platform.", "agent_access_confidentiality").found).toBe(false);
  });

  test("privileged users with access, trained after a run-in label and a clause of time", () => {
    const text = "2.3.3. Training. Upon hire and at least once per year thereafter, Privileged Users authorized to access Customer Data undergo training on security topics, including phishing and social engineering.";
    expect(find(text, "security_training").found).toBe(true);
  });

  test("a term defined in brackets after its description (… (\"Breach\") shall mean) is read into its bare uses", () => {
    const text = "A breach of Customer Personal Data (\"Breach\") shall mean any breach of security leading to the unauthorized disclosure of or access to Customer Personal Data.\n\nWhere a Breach is caused by the Supplier, the Supplier shall reimburse the Customer for its reasonable costs of notifying Data Subjects.";
    expect(find(text, "liability_indemnification").found).toBe(true);
  });

  test("where the vendor, writing as 'we', calls the customer 'Supplier', the Supplier's duties are the customer's", () => {
    const preamble = 'These terms govern the services made available to you ("Supplier" or "you") by Acme Inc. ("Acme"; "we", or "us").';
    expect(find(`${preamble}\n\nSupplier shall maintain cyber liability insurance throughout the term.`, "cyber_insurance").found).toBe(false);
    const buyers = 'This Partner Agreement is made between Acme Inc. ("Company") and you, the partner ("Partner", "you" or "your").';
    expect(find(`${buyers}\n\nPartner shall maintain cyber liability insurance of at least $1,000,000 throughout the term.`, "cyber_insurance").found).toBe(true);
  });

  test("an indemnity that protects the vendor is not the vendor's", () => {
    expect(find("The Partner agrees to indemnify and hold the Provider harmless from all claims arising from a personal data breach caused by the Partner.", "liability_indemnification").found).toBe(false);
  });

  test("a list of terms that take their meaning from a statute binds nobody", () => {
    expect(find("The following terms used in this Agreement shall have the same meaning as those terms in the HIPAA Rules: Breach, Disclosure, Notice of Privacy Practices, Required By Law, Security Incident, Subcontractor, and Use.", "subprocessor_consent").found).toBe(false);
  });

  test("an imperative item under a title naming the vendor's obligations, set going by the customer's request", () => {
    const markdown = "**5. Acme's Obligations**\n\n5.2 Acme shall keep an up-to-date list of its sub-processors.\n\n5.3 At your request, delete or return all Customer Data in Acme's possession following the termination of the Terms.\n";
    expect(findMarkdown(markdown, "data_return_deletion").found).toBe(true);
  });

  test("data at the end 'handled in accordance with our Data Processing Agreement' is the clause by reference", () => {
    const p = find("Upon termination, your right to use the Service will immediately cease, and your data will be handled in accordance with our Data Processing Agreement.", "data_return_deletion");
    expect(p.byReference).toBe(true);
  });
});

describe("an outside review of the thirteenth batch's rules: wording they misread", () => {
  test("a duty's purpose that lets the customer act is the customer's way to act, not the vendor's duty", () => {
    expect(find("The Supplier shall operate a security hotline so that any Security Incident detected by the Customer may be notified to the Supplier within one hour.", "incident_notification").found).toBe(false);
    expect(find("The Supplier shall ensure that Customer administrators may delete Customer Data through the console at any time after termination.", "data_return_deletion").found).toBe(false);
    expect(find("The Supplier shall maintain a reporting channel so that Security Incidents may be notified to the Customer's security team within 24 hours by the Customer's own users.", "incident_notification").found).toBe(false);
  });

  test("the customer's own people, or the vendor's other customers, being told is no notice to the customer", () => {
    expect(find("Where a Security Incident originates in the Customer's own systems, the Customer's end users will be notified within 72 hours.", "incident_notification").found).toBe(false);
    expect(find("The Supplier's other customers will be notified within 72 hours of any Security Incident affecting the shared platform.", "incident_notification").found).toBe(false);
  });

  test("after an item's own list, its lettered siblings are read under the first lead-in ('The Supplier may:')", () => {
    const markdown = "## 6. Obligations\n\nThe Supplier may:\n\n(a) subcontract support services to its affiliates, provided that the Supplier shall:\n\n- remain liable for them;\n- impose equivalent terms;\n\n(b) engage new sub-processors without the Customer's consent.\n";
    expect(findMarkdown(markdown, "subprocessor_consent").found).toBe(false);
    const nested = "## 5. Obligations\n\nThe Processor shall:\n\n5.1 implement the measures in Annex 2, including:\n\n- encryption of data at rest;\n- multi-factor authentication;\n\n5.1.1 notify the Controller of any Personal Data Breach within 48 hours of becoming aware of it.\n";
    expect(findMarkdown(nested, "incident_notification").found).toBe(true);
  });

  test("a last item ending in a comma leads on only when its modal still waits for its verb", () => {
    const markdown = "8.1 On termination the Customer may, at its option:\n\n- use the self-service export tool,\n- require the Supplier to provide an export,\n\n8.2 The Customer deletes any local copies within 30 days after termination.\n";
    expect(findMarkdown(markdown, "data_return_deletion").found).toBe(false);
  });

  test("each of the customer's people is not the vendor's", () => {
    expect(find("Every employee who logs in to your workspace completes the security awareness training module each year.", "security_training").found).toBe(false);
    expect(find("Every contractor engaged by Globex completes security awareness training before accessing the Supplier's systems.", "security_training").found).toBe(false);
  });

  test("people named by the customer's side, trained by the customer, or under a label that does not undertake it", () => {
    expect(find("Privileged users having administrator rights in the Customer's tenant receive security awareness training from the Customer.", "security_training").found).toBe(false);
    expect(find("At the Customer's premises, staff receive annual data protection training delivered by the Customer.", "security_training").found).toBe(false);
    expect(find("Optional. Staff receive annual security awareness training.", "security_training").found).toBe(false);
    expect(find("Premium Support. Staff receive annual security awareness training.", "security_training").found).toBe(false);
  });

  test("a statute that 'requires' is no vendor", () => {
    const text = [
      "The GDPR requires the Controller to keep records of processing.",
      "The GDPR requires the Controller to assess risks.",
      "The GDPR requires the Controller to provide data protection training to its staff every year.",
    ].join("\n\n");
    expect(find(text, "security_training").found).toBe(false);
  });

  test("terms a buyer writes as 'we' to a supplier it calls 'you' keep the supplier the vendor", () => {
    const text = 'These terms are between Globex Bank plc ("Globex", "we", "us" or "our") and the supplier named in the Order ("Supplier", "you" or "your").\n\nSupplier shall notify us of any Security Incident within 24 hours of becoming aware of it.';
    expect(find(text, "incident_notification").found).toBe(true);
  });

  test("a term defined by reference inside a duty does not void the duty", () => {
    expect(find("The Supplier shall notify the Customer within 24 hours of any Security Incident, as that term has the meaning set out in Annex 1.", "incident_notification").found).toBe(true);
  });

  test("an opening exception before a vendor named by its name", () => {
    expect(find("Except where retention is required by applicable law, Acme permanently deletes all Customer Data within 30 days after termination.", "data_return_deletion").found).toBe(true);
  });

  test("a short lead-in may name the customer", () => {
    expect(find("If you cancel: we delete your Customer Data within 30 days of the end of your subscription.", "data_return_deletion").found).toBe(true);
  });

  test("a refusal to protect the vendor is not an indemnity that protects it", () => {
    expect(find("The Customer shall have no obligation to reimburse the Supplier for its costs of remediation, and the Supplier shall indemnify the Customer against all losses arising from a Security Incident.", "liability_indemnification").found).toBe(true);
  });
});

describe("forms met in a fourteenth batch (services, subcontracting, cloud and CI terms) measured untuned", () => {
  test("an opening exception that cites several sections ends where 'Subcontractor's liability' begins", () => {
    const text = "Except as otherwise provided in Sections 6, 7, and 8, Subcontractor's liability hereunder, regardless of the form of action, shall not exceed the total amount paid for services under this Agreement.";
    expect(find(text, "liability_cap").found).toBe(true);
  });
});

describe("two outside reviews of the whole finder (structure; roles and polarity): wording it misread", () => {
  test("a duty lifted is no duty; a protective prohibition still is", () => {
    expect(find("The Provider shall not be obliged to notify the Customer of any security incident involving Customer Data.", "incident_notification").found).toBe(false);
    expect(find("Neither party shall be required to notify the other of any personal data breach.", "incident_notification").found).toBe(false);
    expect(find("On termination the Provider shall have no obligation to return or delete Customer Data.", "data_return_deletion").found).toBe(false);
    expect(find("The Supplier is not responsible for ensuring that its agents who access Customer Data are bound by confidentiality obligations.", "agent_access_confidentiality").found).toBe(false);
    expect(find("The Processor shall not store or process Customer Data outside the European Economic Area.", "data_residency").found).toBe(true);
  });

  test("a duty lifted for some incidents leaves the promise for the rest", () => {
    const text = "The Provider shall notify the Customer of any Security Incident within 48 hours.\n\nThe Provider shall not be obliged to notify the Customer of unsuccessful attempts such as pings and port scans.";
    expect(find(text, "incident_notification")).toMatchObject({ found: true, value: { hours: 48 } });
  });

  test("'Nothing in this Agreement shall require the Supplier to: (a) permit … audit' excludes the audit right", () => {
    const p = findMarkdown("10.1 Nothing in this Agreement shall require the Supplier to:\n\n(a) permit the Customer to audit its facilities; or\n\n(b) disclose its internal audit reports.\n", "right_to_audit");
    expect(p.found).toBe(false);
    expect(p.exclusion).toBeDefined();
  });

  test("sub-processing without consent, or with no right to object, is no consent right; 'may not … without consent' is one", () => {
    expect(find("The Processor may engage sub-processors without the prior consent of the Controller.", "subprocessor_consent").found).toBe(false);
    expect(find("The Processor may appoint sub-processors at its discretion. The Controller shall have no right to object to any sub-processor.", "subprocessor_consent").found).toBe(false);
    expect(find("The Supplier may not subcontract any of its obligations without the Customer's prior written consent.", "subprocessor_consent").found).toBe(true);
  });

  test("the customer called by its name, acting on the vendor called by its role, is the customer", () => {
    const text = [
      'This Agreement is made between Northwind Traders Limited ("Northwind") and Cloudbase Inc. ("Supplier").',
      "3.1 Northwind shall pay the Fees within 30 days of invoice.",
      "3.2 Northwind shall give the Supplier access to its premises as reasonably required.",
      "3.3 Northwind shall notify the Supplier without undue delay of any security incident affecting Northwind user credentials.",
      "3.4 Northwind may, on 30 days' notice, audit the Supplier's compliance with this Agreement.",
    ].join("\n\n");
    expect(find(text, "incident_notification").found).toBe(false);
    expect(find(text, "right_to_audit").found).toBe(true);
  });

  test("the customer's books audited a few words after the verb are the vendor's right", () => {
    expect(find("The Company may at any time inspect and audit the books and records of the Client relating to the Services.", "right_to_audit").found).toBe(false);
  });

  test("passives: the vendor protected or told by the customer", () => {
    expect(find("The Provider shall be indemnified and held harmless by the Customer against all claims arising from a data breach.", "liability_indemnification").found).toBe(false);
    expect(find("The Supplier must be informed within 24 hours of any security incident on the Customer network.", "incident_notification").found).toBe(false);
  });

  test("an audit right bounded in how often is the right, limited, not excluded", () => {
    const p = find("The Customer shall not be entitled to conduct an audit more than once in any twelve-month period, save following a Personal Data Breach.", "right_to_audit");
    expect(p.found).toBe(true);
    expect(p.exclusion).toBeUndefined();
  });

  test("costs recovered from the vendor are borne by it; each party bearing its own are not", () => {
    expect(find("The Customer shall be entitled to recover from the Supplier all costs of notifying data subjects of a Personal Data Breach caused by the Supplier.", "liability_indemnification").found).toBe(true);
    expect(find("Each party shall bear its own costs of any Security Incident.", "liability_indemnification").found).toBe(false);
  });

  test("training sold to the customer's staff, and insurance not held, are not the clause", () => {
    expect(find("The Supplier shall deliver quarterly security awareness training to the Customer's employees.", "security_training").found).toBe(false);
    expect(find("The Supplier does not maintain cyber liability insurance and the Customer acknowledges this.", "cyber_insurance").found).toBe(false);
  });

  test("a numbered paragraph without a trailing dot closes the lead-in of the one before", () => {
    const markdown = "## 9. Security\n\n9.1 The Supplier shall:\n\n(a) implement the measures in Schedule 3;\n\n(b) keep Customer Data separated; and\n\n(c) maintain ISO/IEC 27001 certification.\n\n9.2 The Customer shall ensure that each of its Authorised Users completes security awareness training every year.\n";
    expect(findMarkdown(markdown, "security_training").found).toBe(false);
  });

  test("a numbered list after lettered items does not inherit the lead-in they used", () => {
    const markdown = "## Data Processing Terms\n\n1. The Processor shall:\n\n(a) process the Personal Data only on documented instructions;\n\n(b) keep the Personal Data confidential.\n\n2. The Controller shall ensure that its own employees who use the Service receive annual information security training.\n";
    expect(findMarkdown(markdown, "security_training").found).toBe(false);
  });

  test("an item that names its own subject is read alone, not under the lead-in above it", () => {
    const markdown = "## 15. Consequences of termination\n\n#### Upon termination of this Agreement for any reason, the Customer shall:\n\n(a) pay all outstanding Charges within 30 days;\n\n(b) return any Supplier equipment in its possession.\n\n15.2. The Supplier shall, within 30 days after termination, return all Customer Data to the Customer and then securely delete all copies of it.\n";
    expect(findMarkdown(markdown, "data_return_deletion").found).toBe(true);
  });
});

describe("text that states no terms: recitals, notes to draft, struck-through words", () => {
  test("a recital of what the parties intend promises nothing", () => {
    const markdown = "## Background\n\n(A) The Supplier provides outsourced customer-support services.\n\n(B) The parties intend that the Supplier will notify the Customer of any Security Incident within 24 hours.\n\n## 1. Services\n\n1.1. The Supplier shall provide the Services described in Schedule 1.\n";
    expect(findMarkdown(markdown, "incident_notification").found).toBe(false);
    expect(find("WHEREAS the Supplier will notify the Customer of any Security Incident within 24 hours;", "incident_notification").found).toBe(false);
  });

  test("a note to draft is not a term", () => {
    expect(findMarkdown("> **Note to draft:** the Supplier will notify the Customer of any Security Incident within 24 hours. Supplier to confirm.\n", "incident_notification").found).toBe(false);
  });

  test("struck-through words are what the draft deleted", () => {
    const markdown = "9.1. ~~The Supplier shall permit the Customer to conduct on-site audits of its facilities on 30 days' notice.~~ The Supplier shall provide its SOC 2 Type II report annually on request.\n";
    expect(findMarkdown(markdown, "right_to_audit").found).toBe(false);
  });
});

describe("a table of duties with a party column", () => {
  const table = (party: string) =>
    `## Schedule 2 – Responsibilities\n\n| Obligation | Responsible party |\n|---|---|\n| Notify security incidents affecting Customer Data within 24 hours | ${party} |\n| Delete Customer Data on termination | ${party} |\n`;

  test("the party column says whose duty a row is", () => {
    expect(findMarkdown(table("Customer"), "incident_notification").found).toBe(false);
    expect(findMarkdown(table("Customer"), "data_return_deletion").found).toBe(false);
    expect(findMarkdown(table("Supplier"), "incident_notification").found).toBe(true);
    expect(findMarkdown(table("Supplier"), "data_return_deletion").found).toBe(true);
  });
});

describe("forms met in a seventeenth batch (DPAs, consultancy and SaaS terms) measured untuned", () => {
  const findHtml = (html: string, code: string) => findClauses({ sections: htmlToSections(html) }).find((p) => p.clauseCode === code)!;

  test("a list introduced by 'These include:' is read under the duty the sentence before it states", () => {
    const item = (lead: string) =>
      `<h2>Cooperation</h2><p>${lead} These include:</p><ol><li>Ensuring an adequate level of protection.</li><li>The obligation to immediately report violations of personal data to the Client.</li></ol>`;
    expect(findHtml(item("The Supplier shall assist the Client with its obligations under Articles 32 to 36 GDPR."), "incident_notification").found).toBe(true);
    expect(findHtml(item("The Client shall assist the Supplier with its obligations under Articles 32 to 36 GDPR."), "incident_notification").found).toBe(false);
    const markdown = (lead: string) => `## Cooperation\n\n${lead} These include:\n\n1. The obligation to immediately report violations of personal data to the Client.\n`;
    expect(findMarkdown(markdown("The Supplier shall assist the Client with its obligations under Articles 32 to 36 GDPR."), "incident_notification").found).toBe(true);
    expect(findMarkdown(markdown("This Agreement describes the duties of both parties."), "incident_notification").found).toBe(false);
  });

  test("a vendor that entrusts the data only to staff bound to confidentiality states the duty", () => {
    const text = "The Supplier entrusts only such employees with the data processing who have been bound to confidentiality.";
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
    expect(find(text.replace("The Supplier", "The Client"), "agent_access_confidentiality").found).toBe(false);
  });

  test("disclosure only to those who need it and are bound binds each party's people", () => {
    const text = "Each party shall keep the other's confidential information in confidence and disclose it only to those who need it and are bound to equivalent terms.";
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
    expect(find("Each party shall keep the other's confidential information in confidence and shall not disclose it to any third party.", "agent_access_confidentiality").found).toBe(false);
  });

  test("an inline item with a subject of its own is read alone, under the words before the first item", () => {
    const text = (second: string) =>
      `Upon any termination of this Agreement for any reason: (a) Customer shall immediately cease all use of the Services and pay all Fees due; and (b) ${second} shall, if requested in writing within 30 days of termination, delete all Data within a reasonable period.`;
    expect(find(text("the Supplier"), "data_return_deletion").found).toBe(true);
    expect(find(text("the Customer"), "data_return_deletion").found).toBe(false);
  });

  test("the last of a series of the vendor's present-tense acts is its act too", () => {
    const text = (who: string) => `${who} processes such data only for the Engagement, applies appropriate technical and organisational measures, and returns or deletes it on termination.`;
    expect(find(text("The Supplier"), "data_return_deletion").found).toBe(true);
    expect(find(text("The Customer"), "data_return_deletion").found).toBe(false);
  });
});

describe("caps and residency an outside review wrote in EU, German- and French-style drafting", () => {
  test.each([
    "The provisions of the Main Contract shall apply accordingly to the liability of the Contractor.",
    "The liability of the Contractor is governed by the provisions of the Main Contract.",
    "For liability, the regulations of the service agreement concluded between the parties apply.",
    "Clause 11 (Liability) of the Master Agreement applies to this DPA.",
    "The stipulations of the General Terms and Conditions relating to liability, and in particular the liability ceiling stipulated therein, apply to this Addendum.",
    "The liability regime applicable to this Appendix is that provided for in Article 14 \"Liability\" of the Contract.",
    "Any claims brought under this DPA shall be subject to the terms and conditions, including the exclusions and limitations, set forth in the Agreement.",
  ])("a cap deferred to the main agreement's liability terms is there by reference: %s", (text) => {
    expect(find(text, "liability_cap")).toMatchObject({ found: false, byReference: true });
  });

  test("under a heading that names liability, 'the provisions of the Main Agreement apply' defers the cap; under another heading it does not", () => {
    expect(findMarkdown("### § 11 Liability\n\nThe provisions of the Main Agreement apply.\n", "liability_cap")).toMatchObject({ found: false, byReference: true });
    expect(findMarkdown("### § 12 Term\n\nThe provisions of the Main Agreement apply.\n", "liability_cap").byReference).toBeUndefined();
  });

  test.each([
    "The provisions of the Main Contract shall not apply to the liability of the Contractor.",
    "The provisions of the Agreement apply to the processing of personal data.",
    "The liability provisions of the Agreement do not apply to claims under this DPA.",
  ])("a deferral that is denied or is about something else is not: %s", (text) => {
    const p = find(text, "liability_cap");
    expect(p.found || p.byReference === true).toBe(false);
  });

  test.each([
    "The Contractor's liability is limited in amount to EUR 500,000 per contract year.",
    "The liability of the Contractor for slight negligence is limited to the foreseeable damage typical for the contract, but in any case to a maximum of EUR 250,000 per case of damage.",
    "The Processor's liability shall be limited to the amount covered by its liability insurance.",
    "The Supplier's liability under this Agreement shall be limited as follows: (a) for damage to tangible property, to £2,000,000 per event; (b) for all other losses, to the Charges paid in the preceding Contract Year.",
  ])("a cap in other words is a cap: %s", (text) => {
    expect(find(text, "liability_cap").found).toBe(true);
  });

  test("a limit on the customer's liability alone caps nothing the vendor owes; a mutual or vendor limit does", () => {
    expect(find("The Customer's total liability under this Agreement shall not exceed EUR 10,000.", "liability_cap").found).toBe(false);
    expect(find("The Supplier acknowledges that the liability of the Customer under this Agreement is limited to the Fees.", "liability_cap").found).toBe(false);
    expect(find("Your total liability to us under these Terms shall not exceed the Fees payable by you in any twelve-month period.", "liability_cap").found).toBe(false);
    expect(find("The total liability of the Customer or the Supplier under this Agreement shall not exceed EUR 1,000,000.", "liability_cap").found).toBe(true);
    expect(find("Each party's total liability under this Agreement shall not exceed the fees paid in the preceding 12 months.", "liability_cap").found).toBe(true);
    expect(find("The Supplier's total liability shall not exceed the fees paid, and the Customer's liability shall not exceed the same amount.", "liability_cap").found).toBe(true);
    expect(find("The liability of the Contractor for slight negligence is limited to the foreseeable damage typical for the contract.", "liability_cap").found).toBe(false);
  });

  test.each([
    "The Processor shall not process Personal Data in any country outside the EEA.",
    "The Provider shall ensure that Customer Data does not leave the European Union.",
    "All Customer Data, including back-ups and disaster recovery copies, shall be kept in Switzerland.",
    "The Contractor shall not relocate the processing, in whole or in part, to a third country without the prior consent of the Client.",
    "Processing of the personal data by the Contractor shall take place solely within the territory of the Federal Republic of Germany.",
    "The data processing shall be carried out in a Member State of the European Union.",
    "The Processor shall process Customer Personal Data only at the locations set out in Annex 2.",
    "The Provider shall not migrate Customer Data out of the European Union without the Customer's prior written approval.",
    "The Contractor may transfer personal data to a country outside the EU/EEA only with the prior written consent of the Client.",
  ])("a restriction or commitment to a place is residency: %s", (text) => {
    expect(find(text, "data_residency").found).toBe(true);
  });

  test.each([
    "Personal Data may be processed in any country in which the Processor or its Sub-processors operate.",
    "The Processor is located in Germany and processing may take place in any country.",
    "The Contractor may transfer personal data to any country outside the EU/EEA.",
  ])("a permission to process anywhere is not: %s", (text) => {
    expect(find(text, "data_residency").found).toBe(false);
  });
});

describe("staff, training and deletion as a second outside review wrote them", () => {
  test.each([
    ["security_training", "The Contractor warrants that the employees entrusted with the processing of the Client's data have been obligated to maintain data secrecy prior to the commencement of their activity and have been familiarised with the relevant data protection provisions."],
    ["security_training", "The Contractor shall regularly instruct its employees on data protection and data security and shall document such instruction."],
    ["security_training", "Contractor personnel shall be instructed in the secure handling of Customer information before they are given access to it."],
    ["security_training", "Employees shall be instructed on data protection requirements at least once a year."],
    ["security_training", "The Contractor shall familiarise the employees deployed in the performance of the work with the data protection provisions applicable to them."],
    ["security_training", "The Supplier shall ensure that its personnel are made aware of, and comply with, the Supplier's information security policies."],
    ["security_training", "Staff handling Customer Data shall receive instruction on data protection at least annually."],
    ["security_training", "The Supplier shall provide regular information security awareness briefings to all staff engaged in the Services."],
    ["agent_access_confidentiality", "We restrict access to Your Data to our personnel who require such access to perform the Services, and such personnel are bound by written confidentiality obligations."],
    ["agent_access_confidentiality", "The Staffing Company shall cause each Assigned Worker, before the first day of the Assignment, to sign the Client's Confidentiality Acknowledgement and shall not permit any Assigned Worker who refuses to do so to access Client systems."],
    ["agent_access_confidentiality", "The Provider restricts access to Customer Data to its personnel who require such access to perform the Services, and such personnel are bound by written confidentiality obligations."],
    ["agent_access_confidentiality", "The Supplier shall ensure that its personnel keep all Customer Data strictly confidential and do not disclose it to any third party."],
    ["agent_access_confidentiality", "Processor's employees who process Personal Data on behalf of the Controller are subject to written confidentiality obligations that continue after the end of their employment."],
    ["agent_access_confidentiality", "All employees and contractors sign a confidentiality agreement on hire."],
    ["agent_access_confidentiality", "The Provider limits access to Customer Data to authorised personnel. Such personnel are bound by written confidentiality obligations."],
    ["agent_access_confidentiality", "The Contractor shall oblige its employees to maintain data secrecy in accordance with Art. 28(3)(b) GDPR."],
    ["agent_access_confidentiality", "Each Assigned Worker shall sign a confidentiality agreement before commencing the Assignment."],
    ["agent_access_confidentiality", "The Processor shall bind its staff to confidentiality before they are given access to the Personal Data."],
    ["data_return_deletion", "Upon completion of the order, the data carriers shall be destroyed or handed over to the Client."],
    ["data_return_deletion", "On termination the Supplier shall securely wipe all Client Data from its systems and those of its Subcontractors."],
    ["data_return_deletion", "Upon termination, the Supplier shall return all Client equipment and all Client Data in its possession."],
  ])("%s is there: %s", (code, text) => {
    expect(find(text, code).found).toBe(true);
  });

  test.each([
    ["security_training", "The Processor shall ensure that its employees process personal data only as instructed by the Controller."],
    ["security_training", "The Controller shall instruct its employees on the use of the Service."],
    ["agent_access_confidentiality", "The Customer's employees who use the Service are bound by the Customer's confidentiality policy."],
    ["agent_access_confidentiality", "The Customer shall ensure that its personnel keep their passwords confidential."],
    ["agent_access_confidentiality", "Personnel working for the Customer are bound by confidentiality obligations."],
    ["data_return_deletion", "Upon termination, the Contractor shall return to the Client all Client-owned laptops, access badges and security tokens."],
    ["data_return_deletion", "Upon termination, the Supplier shall refund to the Customer any prepaid fees for the period after the termination date and shall return the security deposit."],
    ["data_return_deletion", "Upon termination, the Supplier shall return the Customer's premises to the condition they were in at the Commencement Date."],
    ["data_return_deletion", "Upon termination, the Supplier shall return any goods supplied under this Agreement that have not been paid for."],
    ["subprocessor_consent", "Confidentiality of Processing. The Processor shall ensure that any person it authorises to process the Personal Data (including its staff, agents and subcontractors) shall be subject to a duty of confidentiality (whether a contractual or a statutory duty)."],
  ])("%s is not there: %s", (code, text) => {
    expect(find(text, code).found).toBe(false);
  });

  test("a measures or service-level table's label cell reads as a run-in label; a party cell still says whose duty a row is", () => {
    const table = (heading: string, label: string, content: string) => `## ${heading}\n\n| Item | Commitment |\n|---|---|\n| ${label} | ${content} |\n`;
    expect(findMarkdown(table("Annex 2 - Technical and Organisational Measures", "Security awareness", "All staff complete mandatory security awareness training annually"), "security_training").found).toBe(true);
    expect(findMarkdown(table("Annex II - Measures", "Personnel confidentiality", "All employees and contractors sign a confidentiality agreement on hire"), "agent_access_confidentiality").found).toBe(true);
    expect(findMarkdown(table("Schedule 4 - Service Levels", "Data on termination", "Customer Data deleted within 30 days of termination; deletion certificate on request"), "data_return_deletion").found).toBe(true);
    expect(findMarkdown(table("Customer responsibilities", "Training", "Customer's staff complete security awareness training annually"), "security_training").found).toBe(false);
  });
});

describe("the vendor bearing the cost of its own data-protection breach, in other verbs", () => {
  test.each([
    "Where the Controller is held liable by a data subject or fined by a supervisory authority as a result of the Processor's breach of this DPA, the Processor shall reimburse the Controller for the corresponding amount.",
    "The Processor shall reimburse the Controller for any fines imposed by a supervisory authority as a result of the Processor's breach of this DPA.",
    "The Processor shall compensate the Controller for all damage resulting from the Processor's breach of its obligations under this DPA.",
    "The Processor shall be liable to the Controller for all damage resulting from the Processor's breach of this DPA.",
  ])("the clause: %s", (text) => {
    expect(find(text, "liability_indemnification").found).toBe(true);
  });

  test("the customer reimbursing the vendor, or the vendor not liable, is not", () => {
    expect(find("The Controller shall reimburse the Processor for any fines imposed as a result of the Controller's breach of this DPA.", "liability_indemnification").found).toBe(false);
    expect(find("The Processor shall not be liable to the Controller for any damage resulting from the Controller's breach of this DPA.", "liability_indemnification").found).toBe(false);
  });
});

describe("insurance, notice, audit and sub-processors as a third outside review wrote them", () => {
  test.each([
    ["cyber_insurance", "Supplier shall maintain insurance covering the costs of responding to a Security Incident, including forensic investigation, notification costs and credit monitoring, with limits of not less than $3,000,000."],
    ["cyber_insurance", "Vendor will carry network security and privacy liability insurance of at least USD 2 million per claim."],
    ["cyber_insurance", "We carry cyber insurance of at least £2 million and professional indemnity insurance of at least £1 million."],
    ["incident_notification", "The Processor shall assist the Controller in ensuring compliance with its obligations under Articles 32 to 36 GDPR, including by notifying the Controller without undue delay of any Personal Data Breach."],
    ["incident_notification", "The Processor shall notify the Controller immediately of any suspected data protection violations."],
    ["right_to_audit", "The Controller has the right to carry out inspections in consultation with the Processor or to have them carried out by inspectors to be named in individual cases."],
    ["right_to_audit", "The Controller shall be entitled to satisfy itself of the technical and organisational measures taken by the Processor prior to the commencement of processing and regularly thereafter."],
    ["right_to_audit", "The Provider shall allow the Customer to carry out checks of the Provider's compliance with this DPA, including on-site, upon 14 days' notice."],
    ["right_to_audit", "Business Associate shall make its books and records relating to PHI available to Covered Entity for inspection upon reasonable request."],
    ["subprocessor_consent", "The Processor shall not engage any sub-processor without the prior written consent of the Controller."],
  ])("%s is there: %s", (code, text) => {
    expect(find(text, code).found).toBe(true);
  });

  test.each([
    ["cyber_insurance", "Nothing in this Agreement shall limit the amounts recoverable by the Customer under any cyber insurance policy held by the Customer."],
    ["cyber_insurance", "The Customer's cyber insurance policy is primary."],
    ["cyber_insurance", "Customer acknowledges that the fees do not include the cost of any cyber insurance, which Customer may purchase separately at its option."],
    ["cyber_insurance", "Our liability for any data breach shall be limited to the amounts actually recovered under our cyber insurance policy."],
    ["cyber_insurance", "\"Cyber Insurance\" means insurance covering network security and privacy liability."],
    ["cyber_insurance", "Supplier shall maintain professional indemnity insurance of £2,000,000; cyber liability insurance is not required."],
    ["cyber_insurance", "The Provider excludes any obligation to carry cyber insurance."],
    ["incident_notification", "The Customer shall assist the Processor by notifying the Processor without undue delay of any Personal Data Breach it detects."],
    ["incident_notification", "Vendor's notification of or response to a Security Incident shall not be construed as an acknowledgement by Vendor of any fault or liability with respect to the Security Incident."],
    ["incident_notification", "Notification of a Security Incident shall not constitute an admission of liability by the Supplier."],
    ["incident_notification", "Supplier shall maintain insurance covering the costs of responding to a Security Incident, including forensic investigation, notification costs and credit monitoring, with limits of not less than $3,000,000."],
    ["right_to_audit", "The Processor has the right to carry out inspections of the Controller's systems used with the Service."],
    ["right_to_audit", "The Provider may carry out checks of the Customer's use of the Services to verify compliance with the licence."],
    ["subprocessor_consent", "The Customer shall not appoint any sub-processor to process Personal Data received from the Provider without the Provider's prior written consent."],
    ["subprocessor_consent", "Customer may not permit any subcontractor or third party to access the Services without the prior written consent of Vendor."],
  ])("%s is not there: %s", (code, text) => {
    expect(find(text, code).found).toBe(false);
  });
});

describe("whole documents an outside review wrote: deferrals of any clause, and a denial in a second main clause", () => {
  test("a second main clause with its own subject and modal is read alone, keeping the sentence's opening time", () => {
    const audit = find(
      "The Customer agrees that the documents referred to in clause 8.1 shall satisfy the Supplier's obligations under Article 28(3)(h) UK GDPR, and the Customer shall not be entitled to conduct, or to appoint any third party to conduct, any on-site audit of the Supplier's premises.",
      "right_to_audit",
    );
    expect(audit.found).toBe(false);
    expect(audit.exclusion).toBeDefined();
    expect(find("Upon termination, the Supplier shall cease processing, and the Supplier shall delete all Customer Data.", "data_return_deletion").found).toBe(true);
    expect(find("Upon termination, the Supplier shall cease processing, and the Customer shall delete all Customer Data.", "data_return_deletion").found).toBe(false);
  });

  test.each([
    ["right_to_audit", "Customer's audit and inspection rights in respect of Provider's processing of Customer Personal Data are as set out in Section 12 (Audit) of the Agreement."],
    ["right_to_audit", "The Customer's rights to audit the Provider are as set out in clause 9 of the DPA."],
    ["subprocessor_consent", "The Supplier shall not appoint any sub-processor other than in accordance with the sub-processing provisions of the Data Processing Agreement."],
    ["subprocessor_consent", "Our engagement of subprocessors, including notice of new subprocessors and your right to object, is governed by the DPA."],
    ["data_residency", "Data location requirements, including the hosting regions in which Customer Data may be stored, are set out in Section 4 of the Security Schedule."],
    ["data_return_deletion", "Quantum shall handle Helix Personal Data in accordance with the exit plan set out in Schedule 4 (Exit Management) of the MSA."],
    ["liability_cap", "The limitations of liability agreed in § 12 of the Main Contract shall also apply to this Agreement."],
  ])("%s deferred to another document is there by reference: %s", (code, text) => {
    expect(find(text, code)).toMatchObject({ found: false, byReference: true });
  });

  test("a deferral to this document itself, or a vendor's permission 'in accordance with the DPA', is no deferral", () => {
    expect(find("The Customer's audit rights are as set out in clause 9 of this DPA.", "right_to_audit").byReference).toBeUndefined();
    expect(find("We may change Sub-processors in order to provide the Subscription Service, in accordance with the DPA.", "subprocessor_consent").byReference).toBeUndefined();
  });

  test("the end of each assignment ends a staffing engagement", () => {
    expect(find("Upon the end of each assignment, the Agency shall ensure that all Client data held by the Temporary Worker is irretrievably deleted.", "data_return_deletion").found).toBe(true);
  });
});

describe("plain-English and buyer-written agreements an outside review wrote", () => {
  test.each([
    ["incident_notification", "If we become aware of a security breach affecting your data, we'll tell you without undue delay and in any case within 48 hours."],
    ["cyber_insurance", "We hold professional indemnity and cyber liability insurance of at least £1,000,000 and we'll keep both in place for the duration of the project."],
    ["liability_indemnification", "We'll defend you and indemnify you against third-party claims arising from our breach of data protection law, including any data breach caused by us."],
    ["data_residency", "We store your records on UK-hosted servers. We won't transfer your data outside the UK or the EEA without your written agreement."],
    ["liability_cap", "We're not liable for more than what you paid us in the 12 months before the claim."],
    ["liability_cap", "Our liability for slight negligence is limited to the foreseeable damage typical for the contract, and in any case to the amount of the fees paid by you in the twelve months before the claim."],
    ["agent_access_confidentiality", "Everyone at Tallyform who can access Customer Data is bound by a written confidentiality obligation."],
    ["agent_access_confidentiality", "Everyone who works on your project, including the freelancers we bring in, signs a written confidentiality agreement before they see your files."],
  ])("%s is there: %s", (code, text) => {
    expect(find(text, code).found).toBe(true);
  });

  test("contractions are read spelled out, and the quote stays as written", () => {
    const p = find("If we become aware of a security breach affecting your data, we'll tell you within 48 hours.", "incident_notification");
    expect(p.passages[0]?.quote).toContain("we'll tell you");
    expect(find("You're not liable for more than what you paid us in the 12 months before the claim.", "liability_cap").found).toBe(false);
    expect(find("Every employee who logs in to your workspace signs a confidentiality agreement.", "agent_access_confidentiality").found).toBe(false);
  });

  test("a web address does not end the sentence a deferral is read in", () => {
    const text = "The limitations and exclusions of liability set out in our Customer Agreement (tallyform.com/legal/customer-agreement) apply to this DPA.";
    const p = find(text, "liability_cap");
    expect(p).toMatchObject({ found: false, byReference: true });
    expect(p.passages[0]?.quote).toContain("tallyform.com");
  });

  test("in a buyer's contract written as 'we', 'you' is the supplier", () => {
    const contract = (you: string) =>
      `# Services Agreement\n\n1. **Koala Energy Retail Pty Ltd** of Sydney (**we**, **us** or **Koala**).\n2. **Sahyadri CX Services Private Limited** of Pune (**${you}**).\n\n## 5. Security\n\n5.1 You must ensure that every Agent completes security awareness training before handling Customer Information and at least once every 12 months.\n\n5.2 On expiry or termination, you must securely delete all Customer Information and certify the deletion to us in writing.\n`;
    expect(findMarkdown(contract("you** or **Supplier"), "security_training").found).toBe(true);
    expect(findMarkdown(contract("you** or **Supplier"), "data_return_deletion").found).toBe(true);
    // Where "you" is not made the supplier, the contract reads as a vendor's own terms: "you" is the customer.
    expect(findMarkdown(contract("the Agency"), "security_training").found).toBe(false);
  });

  test("in a buyer's terms written as 'we' with the other party 'the Supplier', a cap on 'our' liability is the customer's", () => {
    const terms = (cap: string) =>
      `# Supplier Terms\n\nThese terms apply to every Purchase Order issued by **Kestrel Retail Group Limited** ("**we**", "**us**", "**our**") to a supplier of contact centre services (the "**Supplier**").\n\n## 5. Audit\n\n5.3 We, or an independent auditor we nominate, may on reasonable notice inspect the Supplier's premises, systems and records relating to the Services.\n\n## 7. Liability\n\n7.1 ${cap}\n`;
    expect(findMarkdown(terms("Our total liability to the Supplier shall not exceed the Charges paid by us in the preceding 12 months."), "liability_cap").found).toBe(false);
    expect(findMarkdown(terms("The Supplier's total liability to us shall not exceed £5,000,000."), "liability_cap").found).toBe(true);
    expect(findMarkdown(terms("Our total liability to the Supplier shall not exceed the Charges."), "right_to_audit").found).toBe(true);
  });
});

describe("EU processing agreements and contact-centre MSAs a sixth outside review wrote", () => {
  test.each([
    ["liability_cap", "The liability of the parties is governed by the provisions on limitation of liability in § 11 of the Main Agreement."],
    ["liability_cap", "The liability of Processor for damage resulting from a breach of this Processing Agreement is limited as stipulated in Article 10 (Liability) of the Agreement."],
    ["liability_cap", "The liability of the parties in relation to this Agreement is governed by § 12 (Liability) of the Framework Agreement."],
    ["incident_notification", "Vendor's obligations in respect of notification of Security Incidents are as set out in Section 7 of the DPA, which shall apply to this Services Agreement."],
    ["subprocessor_consent", "Vendor's engagement of any subcontractor or sub-processor in connection with the Services is subject to the requirements of Section 6 (Sub-processors) of the DPA."],
    ["right_to_audit", "Client's rights of audit and inspection under Section 14 (Audit Rights) of the MSA apply to the Services under this Work Order."],
    ["right_to_audit", "Audits and inspections shall be conducted as set out in Section 11 (Audit) of the Agreement."],
    ["right_to_audit", "Controller's right to have the compliance of Processor audited, and the frequency, notice and cost of such audits, are governed by Article 7 of the NL Digital Data Pro Statement."],
  ])("%s deferred to another document: %s", (code, text) => {
    expect(find(text, code)).toMatchObject({ found: false, byReference: true });
  });

  test.each([
    ["liability_cap", "This Agreement is governed by German law."],
    ["liability_cap", "The liability of the parties is governed by German law."],
    ["liability_cap", "The liability of the parties is governed by clause 12 of this Agreement."],
    ["right_to_audit", "Audits shall be conducted in accordance with Section 11 of this DPA."],
    ["incident_notification", "This DPA is governed by the laws of Ireland, and the courts of Ireland have exclusive jurisdiction."],
  ])("%s: a governing law or a clause of the same document is no deferral: %s", (code, text) => {
    expect(find(text, code).byReference).toBeUndefined();
  });

  test.each([
    ["incident_notification", "Processor shall inform Controller without undue delay, and in any event within thirty-six (36) hours after discovery, of any Data leak affecting the personal data processed for Controller."],
    ["security_training", "When carrying out the work, the Contractor only uses employees who have been committed to confidentiality and who have previously been familiarised with the data protection provisions relevant to them."],
    ["agent_access_confidentiality", "When carrying out the work, the Contractor only uses employees who have been committed to confidentiality and to data secrecy."],
    ["agent_access_confidentiality", "The Provider shall commit all persons authorised to process Customer Personal Data to secrecy in writing before they are given access."],
    ["agent_access_confidentiality", "The Contractor shall oblige all persons entrusted with processing the Client's data in writing to maintain confidentiality before they take up their activity."],
    ["security_training", "The Provider shall ensure that its personnel complete the information security and data protection training set out in Schedule 3 (Security Requirements) of the MSA."],
    ["security_training", "Vendor shall ensure that each agent successfully completes (a) Client-specific induction covering information security basics, and (b) annual information security and privacy awareness certification with a pass mark of 80%."],
    ["security_training", "The Supplier shall ensure that all Supplier Personnel attend the site security and data protection induction before being given access to the systems and complete the online \"Protecting Our Customers\" module every year."],
    ["data_return_deletion", "After the Terms end, the Provider will delete all Customer Data from its systems."],
    // "After that" takes its time from the nearest sentence before it that opens with one, not only from the paragraph's first.
    ["data_return_deletion", "You can export all your data at any time from Settings. After your subscription ends, you'll still have 30 days to export. After that, we'll delete your data from our live systems within a further 30 days."],
    ["data_return_deletion", "Within 30 days after the export window closes, the Provider will delete all Customer Data from its production systems."],
    // A transfer agreement named as the condition of an exception keeps the restriction a restriction.
    ["data_residency", "The Supplier shall not process Customer Data outside the United Kingdom without the Customer's prior written consent, and then only subject to an International Data Transfer Agreement approved by the Customer."],
  ])("%s is there: %s", (code, text) => {
    expect(find(text, code).found).toBe(true);
  });

  test.each([
    // The customer's people, a product induction, a permission: none is the vendor's duty.
    ["security_training", "The Customer shall ensure that its employees complete the online security module every year."],
    ["security_training", "Vendor shall ensure that each agent completes a two-week product induction before taking calls."],
    ["agent_access_confidentiality", "The Customer only uses employees who have been committed to confidentiality."],
    ["data_return_deletion", "You can export all your data at any time from Settings. After that, we'll delete the export file from your downloads folder."],
    ["security_training", "Usage data may form part of the training set for the Provider's models."],
    ["data_residency", "The Supplier may transfer Customer Data to any country under the Standard Contractual Clauses."],
    // An indemnity that names subcontractors and notification costs says nothing of consent to them.
    ["subprocessor_consent", "Ledgerline may engage subcontractors and hosting providers of its choosing to perform any part of the Subscription Services without notice to or the consent of Customer."],
    ["subprocessor_consent", "5.1 Helix authorises Quantum to engage sub-processors at Quantum's discretion for the performance of the services."],
    ["subprocessor_consent", "Business Associate shall not, and shall ensure that its Subcontractors do not, store or process PHI outside the United States without Covered Entity's prior written approval."],
    ["subprocessor_consent", "Supplier will defend, indemnify and hold harmless the Customer from all losses, notification costs and fees arising out of any Security Incident caused by Supplier or its subcontractors."],
  ])("%s is not there: %s", (code, text) => {
    expect(find(text, code).found).toBe(false);
  });
});

describe("sentences an eighth outside review wrote for the weakest families", () => {
  test.each([
    ["security_training", "The Contractor undertakes to familiarise the employees engaged in the performance of the work with the relevant provisions of data protection law."],
    ["security_training", "Acme Ltd will provide its engineers with secure coding training at least once a year."],
    ["security_training", "The Supplier will educate its employees about social engineering, phishing and password hygiene."],
    ["security_training", "Persons employed by the Processor in the processing are informed of data protection requirements and obligated to maintain confidentiality."],
    ["agent_access_confidentiality", "Each member of the Provider's staff who handles Client Data has executed a confidentiality undertaking in favour of the Provider."],
    ["agent_access_confidentiality", "The Vendor shall ensure that every individual who accesses Customer Data is under a legal or contractual obligation of confidentiality."],
    ["agent_access_confidentiality", "The employees of the Processor are bound to confidentiality regarding the Personal Data, and this obligation continues after the end of their employment."],
    ["liability_cap", "The liability of the Contractor for slightly negligent breaches of duty is limited to the foreseeable damage typical for the contract, but not exceeding EUR 500,000 per claim."],
    ["liability_cap", "The Contractor shall be liable up to a maximum amount of ten times the annual remuneration."],
    ["liability_cap", "The maximum amount payable by the Provider in respect of all claims is limited to EUR 1,000,000 in aggregate."],
    ["data_residency", "Any relocation of the processing to a third country requires the prior consent of the Client."],
    ["security_training", "The Supplier's staff are given regular instruction on data protection requirements."],
    ["security_training", "Staff awareness: all Supplier Personnel are briefed on data protection obligations before starting work on the Customer account."],
    ["data_residency", "The Supplier shall ensure that no Customer Data is processed in any jurisdiction other than the European Union."],
    ["data_residency", "Hosting location: European Union (Ireland and the Netherlands). The Supplier shall not change the hosting location without the Customer's prior written consent."],
  ])("%s is there: %s", (code, text) => {
    expect(find(text, code).found).toBe(true);
  });

  test.each([
    ["security_training", "Vendor provides security training courses to its customers through the Vendor Academy."],
    ["security_training", "The Supplier shall keep the Customer informed of security incidents affecting its employees."],
    ["agent_access_confidentiality", "Vendor shall not require its employees to sign confidentiality agreements."],
    ["security_training", "The Supplier is not obliged to require its staff to complete security training."],
    ["data_residency", "The Vendor's headquarters and primary operations are located in the European Union."],
    ["data_residency", "The Customer may change the hosting region at any time from the console."],
    ["security_training", "The Customer's staff are given regular instruction on data protection requirements by the Customer."],
    ["data_residency", "The Provider may transfer Personal Data outside the EEA where the Customer has given its consent in the Order Form or otherwise."],
    ["liability_cap", "The Customer's liability is limited to the foreseeable damage typical for the contract, but not exceeding EUR 500,000 per claim."],
  ])("%s is not there: %s", (code, text) => {
    expect(find(text, code).found).toBe(false);
  });
});

describe("agreements a ninth outside review wrote around hosting locations and caps", () => {
  test.each([
    ["subprocessor_consent", "4.3 The Supplier must not transfer Customer Data Offshore, and must not permit any subcontractor to do so, without the prior written consent of the Customer."],
    ["subprocessor_consent", "3.1 Vendor shall not store or process PHI outside the continental United States, whether by its own personnel or by any subcontractor, without Client's prior written approval."],
    ["subprocessor_consent", "6.1 The Service Provider shall permit the Client, on reasonable notice, to access and inspect the premises of the Service Provider and its subcontractors."],
  ])("%s: a location or audit duty that names subcontractors is no consent to them: %s", (code, text) => {
    expect(find(text, code).found).toBe(false);
  });

  test.each([
    ["right_to_audit", "5.1 The DPA governs the processing of Customer Personal Data, including the Customer's audit and inspection rights."],
    ["subprocessor_consent", "5.1 The DPA governs the processing of Customer Personal Data, including the engagement of sub-processors."],
    ["liability_cap", "6.1 The Provider's liability under this Order Form is subject to Section 9 (Limitation of Liability) of the GTC."],
  ])("%s deferred to a document named by its abbreviation: %s", (code, text) => {
    expect(find(text, code)).toMatchObject({ found: false, byReference: true });
  });

  test("the vendor's people named first keep their duties, even with access to the customer's environment", () => {
    const text =
      "4.3 Provider personnel holding administrative access to the Customer's environment are bound by written confidentiality undertakings that survive the end of their employment, and complete security awareness training on joining and annually thereafter.";
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
    expect(find(text, "security_training").found).toBe(true);
    expect(find("Privileged users holding administrator rights in the Customer's tenant complete security awareness training annually.", "security_training").found).toBe(false);
  });

  test("a cap that does not reach the indemnity leaves the indemnity standing, not excluded", () => {
    const indemnity = "7.2 The Service Provider shall indemnify and keep indemnified the Client against all losses arising from any breach by the Service Provider of the Data Protection Legislation.";
    const carveOut = "9.3 Clause 9.1 shall not apply to: (a) liability under the indemnity in Clause 7.2; (b) fraud or wilful default.";
    const p = find(`${indemnity}\n\n${carveOut}`, "liability_indemnification");
    expect(p.found).toBe(true);
    expect(p.exclusion).toBeUndefined();
    expect(find("The limitations of liability in Clause 20 shall not apply to the Supplier's data protection indemnity under Clause 15.3.", "liability_indemnification").exclusion).toBeUndefined();
  });
});

describe("sentences a tenth outside review wrote for audit, notice, sub-processors, indemnity and insurance", () => {
  test.each([
    ["right_to_audit", "The Contractor undertakes to tolerate inspections by the Client of its data processing facilities during normal business hours."],
    ["right_to_audit", "The Contractor is obliged to grant the Client access to its premises for the purpose of verifying compliance with the technical and organisational measures."],
    ["incident_notification", "Provider must tell Customer as soon as reasonably practicable if it suffers a cyber attack that affects the Services."],
    ["incident_notification", "Where the Contractor suspects that Customer Data has been lost, stolen or compromised, it shall alert the Customer forthwith."],
    ["incident_notification", "Vendor shall give Customer written notice of any ransomware event, intrusion or data exfiltration no later than 24 hours after detection."],
    ["incident_notification", "The Processor will communicate to the Controller details of any Personal Data Breach affecting Controller Data within 48 hours."],
    ["subprocessor_consent", "The Supplier shall not sub-contract the processing of Personal Data to any third party unless the Customer has consented in writing."],
    ["liability_indemnification", "The Contractor is obliged to compensate the Client for all damage arising from a breach of the data protection provisions by the Contractor or its subcontractors."],
    ["liability_indemnification", "The Service Provider shall hold the Bank harmless from any claims, penalties or damages arising from a breach of banking secrecy by the Service Provider or its staff."],
    ["cyber_insurance", "The Service Provider shall hold information security insurance appropriate to the risks involved in processing the Bank's data."],
    ["cyber_insurance", "The Supplier shall maintain insurance against the consequences of a data security breach, including third-party claims and regulatory investigation costs."],
    ["cyber_insurance", "DataCo shall not allow its cyber insurance to lapse during the Term."],
    ["right_to_audit", "Supplier Personnel shall cooperate fully with any audit conducted by or on behalf of the Customer and shall answer all reasonable questions put to them."],
    ["data_return_deletion", "After the end of the contract, the Processor must not retain any copies of the Controller's personal data, save as required by Union or Member State law."],
    ["liability_indemnification", "Contractor shall be liable without limitation for damages resulting from the unauthorised disclosure of Client Data by Contractor."],
  ])("%s is there: %s", (code, text) => {
    expect(find(text, code).found).toBe(true);
  });

  test.each([
    ["right_to_audit", "In lieu of any audit right, the Processor shall provide the Controller with a copy of its current ISO 27001 certificate and SOC 2 Type II report upon request."],
    ["right_to_audit", "Customer acknowledges that Provider does not permit on-site inspections of its data centres by customers."],
    ["subprocessor_consent", "The Supplier shall not require the Customer's consent to appoint sub-processors."],
    ["subprocessor_consent", "The Client acknowledges and consents that the Processor engages Amazon Web Services, Inc. as another processor."],
    ["cyber_insurance", "The Customer shall not allow its cyber insurance to lapse during the Term."],
    ["incident_notification", "The Controller shall communicate any Personal Data Breach to the data subjects where required by law."],
    ["incident_notification", "Vendor shall maintain cyber liability insurance covering security incidents and provide Client with a certificate of insurance within 30 days."],
    ["data_return_deletion", "During the term, the Processor must not retain any copies of the Controller's personal data longer than needed."],
  ])("%s is not there: %s", (code, text) => {
    expect(find(text, code).found).toBe(false);
  });
});

describe("documents an eleventh outside review wrote as small vendors publish them", () => {
  test("a cap on the covered entity's liability alone is the customer's, not a cap for its review", () => {
    expect(find("In no event shall Covered Entity's aggregate liability under this Agreement exceed the fees paid in the preceding twelve months.", "liability_cap").found).toBe(false);
    expect(find("In no event shall Business Associate's aggregate liability under this Agreement exceed the fees paid in the preceding twelve months.", "liability_cap").found).toBe(true);
  });

  test("'all of our employees sign a non-disclosure agreement' binds the vendor's people", () => {
    const text = "Acme Support Inc. (\"we\", \"us\") provides the Services to you.\n\nAll of our employees and contractors sign a non-disclosure agreement that requires them to keep Customer Data confidential.";
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

  test.each([
    ["subprocessor_consent", "4.2 The Provider may engage subcontractors, including affiliates and providers located outside the Philippines, to perform any part of the Services without the Client's consent."],
  ])("%s is not there: %s", (code, text) => {
    expect(find(text, code).found).toBe(false);
  });

  test("'The audit and inspection provisions of Clause 6.3 of the Core Terms apply' is audit by reference", () => {
    expect(find("5.2 The audit and inspection provisions of Clause 6.3 of the Core Terms shall apply to the Processing under this Schedule.", "right_to_audit")).toMatchObject({ found: false, byReference: true });
    expect(find("5.2 The audit and inspection provisions of Clause 6.3 of this Schedule shall apply to the Processing.", "right_to_audit").byReference).toBeUndefined();
  });
});

describe("numbered schedules three levels deep, as UK public-sector contracts set them out", () => {
  const schedule = [
    "## 3. Supplier's Obligations",
    "3.1 The Supplier shall, in relation to any Personal Data processed under this Contract:",
    "3.1.1 process that Personal Data only in accordance with Annex 1;",
    "3.1.2 ensure that:",
    "(a) the Supplier Personnel do not process Personal Data except in accordance with this Contract;",
    "(b) it takes all reasonable steps to ensure the reliability of any Supplier Personnel who have access to the Personal Data and ensure that they:",
    "(i) are subject to appropriate confidentiality undertakings with the Supplier; and",
    "(ii) have undergone adequate training in the handling of Personal Data;",
    "3.1.3 not transfer Personal Data outside of the United Kingdom unless the prior written consent of the Buyer has been obtained and the Supplier has provided appropriate safeguards; and",
    "3.1.4 delete or return Personal Data to the Buyer on termination of the Contract.",
  ].join("\n\n");

  test.each(["agent_access_confidentiality", "security_training", "data_residency", "data_return_deletion"])("%s is read under every lead-in above it", (code) => {
    expect(findMarkdown(schedule, code).found).toBe(true);
  });

  test("nested HTML lists, as a DOCX becomes HTML, carry every lead-in too", () => {
    const html =
      "<p>The Supplier shall, in relation to any Personal Data:</p><ol><li>process it only on the Buyer's instructions;</li><li>ensure that:<ol><li>it takes all reasonable steps to ensure the reliability of any Supplier Personnel and ensure that they:<ol><li>are subject to appropriate confidentiality undertakings; and</li><li>have undergone adequate training in the handling of Personal Data;</li></ol></li></ol></li></ol>";
    const sections = htmlToSections(html);
    expect(sections[0]?.text).toContain("The Supplier shall, in relation to any Personal Data: ensure that: it takes all reasonable steps");
    for (const code of ["agent_access_confidentiality", "security_training"]) expect(findClauses({ sections }).find((p) => p.clauseCode === code)?.found).toBe(true);
  });

  test("the Buyer's own undertakings three levels down are not the Supplier's", () => {
    const buyers = schedule.replace("3.1 The Supplier shall", "3.1 The Buyer shall").replaceAll("Supplier Personnel", "Buyer Personnel");
    expect(findMarkdown(buyers, "security_training").found).toBe(false);
    expect(findMarkdown(buyers, "agent_access_confidentiality").found).toBe(false);
  });

  test("'shall: (a) not transfer outside the UK unless the Buyer consents and safeguards are in place' restricts, as 'shall not transfer' does", () => {
    const restricted = "The Supplier shall:\n\n(a) not transfer Personal Data outside of the United Kingdom unless the prior written consent of the Buyer has been obtained and the Supplier has provided appropriate safeguards.";
    expect(findMarkdown(restricted, "data_residency").found).toBe(true);
    expect(find("The Supplier may transfer Personal Data outside of the United Kingdom provided it has put in place appropriate safeguards.", "data_residency").found).toBe(false);
  });

  test("insurance covering 'notification costs' is no duty to notify", () => {
    const cover = "Provider agrees to carry insurance policies meeting the following criteria for the entire term, plus an additional Insurance Survival Period:\n\n- privacy and cybersecurity liability:\n\n  - covering costs arising from data destruction, hacking, or intentional breaches, crisis management activity related to data breaches, and legal claims for security breach, privacy violations, and notification costs";
    expect(findMarkdown(cover, "incident_notification").found).toBe(false);
    expect(findMarkdown(cover, "cyber_insurance").found).toBe(true);
  });
});

describe("a nineteenth batch of agreements, and a review's DPA in the present tense", () => {
  test("'No subcontracting … is permitted without the prior approval of' forbids, where 'is permitted … without consent' allows", () => {
    expect(find("No subcontracting of the Services, in whole or in part, is permitted without the prior written approval of the Customer.", "subprocessor_consent").found).toBe(true);
    expect(find("The Supplier is permitted to subcontract any part of the Services without the Customer's consent.", "subprocessor_consent").found).toBe(false);
    expect(find("No other party is permitted to audit; the Supplier is permitted to subcontract without the Customer's consent.", "subprocessor_consent").found).toBe(false);
  });

  test("'without the IP address' is no 'without the consent'", () => {
    const text = "The integration always requires that the third-party providers of this content process the IP address of the user, as without the IP address they would not be able to send the content to their browser.";
    expect(find(text, "subprocessor_consent").found).toBe(false);
    expect(find("We will not let other companies process your data without the Client's prior written consent.", "subprocessor_consent").found).toBe(true);
  });

  test("a vendor named in the party list and writing in the present tense notifies, as 'shall notify' does", () => {
    const dpa = [
      "# Data Processing Addendum",
      'This DPA forms part of the Subscription Services Agreement between **Ticketry B.V.**, a private limited company registered in Amsterdam ("**Ticketry**"), and the customer identified in the Order Form (the "**Customer**").',
      "## 6. Personal Data Breaches",
      "6.1 Ticketry notifies the Customer without undue delay, and in any event within forty-eight (48) hours, after becoming aware of a Personal Data Breach affecting Customer Personal Data.",
    ].join("\n\n");
    expect(findMarkdown(dpa, "incident_notification")).toMatchObject({ found: true, value: { hours: 48 } });
    // The same sentence with the customer as the one who notifies is not the clause.
    const customers = dpa.replace("6.1 Ticketry notifies the Customer", "6.1 The Customer notifies Ticketry");
    expect(findMarkdown(customers, "incident_notification").found).toBe(false);
  });
});

describe("agreements two outside reviews wrote as the text of PDF and Word files", () => {
  test("a security exhibit's bullets in lower case are duties, under a lead-in that ends in a full stop and sub-headings", () => {
    const exhibit = "EXHIBIT A\n\nProvider must maintain an information security program that meets the following minimum requirements.\n\nIncident response\n\n• notify Customer without undue delay, and in any event within 48 hours, after becoming aware of a Security Incident\n\nPersonnel\n\n• ensure all personnel complete security and privacy awareness training on induction and at least annually thereafter";
    expect(find(exhibit, "incident_notification")).toMatchObject({ found: true, value: { hours: 48 } });
    expect(find(exhibit, "security_training").found).toBe(true);
    expect(find("Your responsibilities\n\n• notify us of any change to your billing details and of any breach of your account", "incident_notification").found).toBe(false);
  });

  test("'the total aggregate liability of the Customer under … shall not exceed' caps only the customer's", () => {
    const customers = "Section 10.1 The total aggregate liability of the Customer under or in connection with this Agreement, whether in contract, tort or otherwise, shall not exceed the Charges paid by the Customer in the six (6) months immediately preceding the claim.";
    expect(find(customers, "liability_cap").found).toBe(false);
    expect(find(customers.replace("of the Customer under", "of the Customer and the Service Provider under"), "liability_cap").found).toBe(true);
  });

  test("data locations a statement of work sets: a restriction to them is residency, a duty to follow them is residency by reference", () => {
    expect(find("The Supplier shall store and process Buyer Data only in the locations specified in the applicable Statement of Work.", "data_residency").found).toBe(true);
    expect(find("3.1.3 The Supplier shall comply with the data location requirements set out in the applicable Statement of Work under the Agreement.", "data_residency")).toMatchObject({ found: false, byReference: true });
    expect(find("The data location requirements are set out in this Addendum.", "data_residency").byReference).toBeUndefined();
  });

  test("'stored at any location other than a Service Location' restricts where data may be", () => {
    expect(find("2.3 The Supplier shall not perform the Services from, or allow Customer Data to be accessed from or stored at, any location other than a Service Location without the prior written consent of the Customer.", "data_residency").found).toBe(true);
    expect(find("The Supplier may store Customer Data at any location other than the Customer's premises.", "data_residency").found).toBe(false);
    expect(find("The Customer shall not access the Services from any location other than its registered offices.", "data_residency").found).toBe(false);
  });

  test("a duty to reimburse breach costs that names subcontractors is no consent to them", () => {
    const costs = "4.3 Costs. Supplier shall reimburse Buyer for all reasonable costs incurred by Buyer in responding to a Security Incident arising from a breach of this Addendum by Supplier or its Subcontractors, including costs of notification of individuals and regulators.";
    expect(find(costs, "subprocessor_consent").found).toBe(false);
    expect(find(costs, "liability_indemnification").found).toBe(true);
  });

  test("'the limitations of liability agreed in § 14 (Haftung) of the Main Agreement shall also apply' is the cap by reference", () => {
    expect(find("(2) The limitations of liability agreed in § 14 (Haftung) of the Main Agreement shall also apply to this Agreement.", "liability_cap")).toMatchObject({ found: false, byReference: true });
  });
});

describe("agreements two more outside reviews wrote as PDF and Word text", () => {
  test("a party list that calls the vendor 'the Contractor' names the customer by the other quoted name, so its liability cap is the customer's", () => {
    const preamble = 'Between North Tyneside Hospitals NHS Foundation Trust (the "Authority") and Medibyte Solutions Ltd, a company incorporated in England and Wales (the "Contractor").';
    const cap = "5.3 The Authority's total aggregate liability to the Contractor under this Contract shall not exceed the Charges paid by the Authority in the Contract Year in which the liability arose.";
    expect(find(`${preamble}\n\n${cap}`, "liability_cap").found).toBe(false);
    expect(find(`${preamble}\n\n${cap.replaceAll("Authority", "Contractor").replace("to the Contractor", "to the Authority")}`, "liability_cap").found).toBe(true);
  });

  test("'IN NO EVENT SHALL CLIENT BE LIABLE …, AND CLIENT'S TOTAL LIABILITY SHALL NOT EXCEED' caps only the client's", () => {
    const clients = "IN NO EVENT SHALL CLIENT BE LIABLE TO AGENCY FOR ANY CONSEQUENTIAL DAMAGES, AND CLIENT'S TOTAL LIABILITY UNDER THIS AGREEMENT SHALL NOT EXCEED THE COMMISSIONS PAID TO AGENCY IN THE SIX (6) MONTHS PRECEDING THE CLAIM.";
    expect(find(clients, "liability_cap").found).toBe(false);
    expect(find(clients.replaceAll("CLIENT", "AGENCY").replace("TO AGENCY FOR", "TO CLIENT FOR"), "liability_cap").found).toBe(true);
    expect(find("The Supplier and Customer's aggregate liability shall not exceed the fees paid in the twelve months before the claim.", "liability_cap").found).toBe(true);
  });

  test("'is limited per calendar year to the amount of the fees' caps", () => {
    expect(find("9.1 The total liability of the Processor for damage resulting from an attributable failure to comply with this Processing Agreement is limited per calendar year to the amount of the fees paid by the Controller during the twelve (12) months preceding the event.", "liability_cap").found).toBe(true);
  });

  test("'bear all costs arising from any unauthorized access to or disclosure of State Data' is the vendor bearing breach costs", () => {
    expect(find("7.2 The Contractor shall bear all costs arising from any unauthorized access to or disclosure of State Data resulting from the Contractor's acts or omissions.", "liability_indemnification").found).toBe(true);
    expect(find("The Customer is responsible for all losses arising from unauthorized access to or use of its account credentials.", "liability_indemnification").found).toBe(false);
  });

  test("an indemnity set out in another agreement is there by reference", () => {
    const text = "9.1 Indemnification. The indemnification obligations of the parties, including for any Security Breach by Agency, are as set out in Section 11 (Indemnification) of the MVA, which is incorporated by reference.";
    expect(find(text, "liability_indemnification")).toMatchObject({ found: false, byReference: true });
    expect(find("The Customer's indemnification obligations are as set out in Section 11 of the Agreement.", "liability_indemnification").byReference).toBeUndefined();
    expect(find("The indemnification obligations of the parties are set out in Section 11 of this Agreement.", "liability_indemnification").byReference).toBeUndefined();
  });

  test("residency: 'located on the territory of Belgium or France', and 'No Client Data may be transferred to a country outside the EU'", () => {
    expect(find("6.1 The Client Data shall be hosted exclusively in data centres operated by the Service Provider or its subcontractors located on the territory of Belgium or France.", "data_residency").found).toBe(true);
    expect(find("6.2 No Client Data may be accessed from, or transferred to, a country outside the European Union.", "data_residency").found).toBe(true);
    expect(find("Client Data may be transferred to a country outside the European Union.", "data_residency").found).toBe(false);
  });

  test("'subcontractors of its choice, without the prior consent of the Client' is no consent", () => {
    expect(find("5.3 The Service Provider may entrust the performance of all or part of the Services to subcontractors of its choice, without the prior consent of the Client, provided that it remains fully responsible towards the Client.", "subprocessor_consent").found).toBe(false);
  });

  test("'All persons employed by or working for the Processor, as well as …, who have access … are bound by a duty of confidentiality'", () => {
    expect(find("4.1 All persons employed by or working for the Processor, as well as the Sub-processors and their personnel, who have access to the Personal Data are bound by a duty of confidentiality with respect to the Personal Data.", "agent_access_confidentiality").found).toBe(true);
  });

  test("a permission to disclose to staff who need to know binds no one, even beside 'its obligations under this Agreement'", () => {
    const permission = "12.2 Each party may disclose the other party's confidential information to its employees, officers and advisers who need to know such information for the purposes of carrying out its obligations under this Agreement.";
    expect(find(permission, "agent_access_confidentiality").found).toBe(false);
    expect(find("Each party may disclose Confidential Information to its employees who are bound by confidentiality obligations no less protective than these.", "agent_access_confidentiality").found).toBe(true);
  });

  test("the data's fate handed to a reversibility or exit plan is return and deletion by reference", () => {
    expect(find("13.2 At the end of the Agreement, the fate of the Client Data shall be governed by the Reversibility Plan, which the Parties shall draw up in a separate document.", "data_return_deletion")).toMatchObject({ found: false, byReference: true });
    expect(find("3.2 On termination, the Processor shall deal with all Personal Data in accordance with Call-Off Schedule 10 (Exit Management).", "data_return_deletion").byReference).toBe(true);
  });

  test("a definition by colon under a definitions lead-in or heading is no clause, and its term carries its meaning", () => {
    const dutch = "ARTICLE 1. DEFINITIONS\n\n1.1 The following terms have the following meaning in this Processing Agreement:\n\nd. Audit Right: the right of a party to verify compliance with this Processing Agreement, as further described in the Agreement.\n\nARTICLE 8. AUDIT\n\n8.1 The Controller's Audit Right is governed by Article 14 (Audit) of the Agreement.";
    expect(find(dutch, "right_to_audit")).toMatchObject({ found: false, byReference: true });
    const uk = "1. DEFINITIONS AND INTERPRETATION\n\n1.1 In this Agreement:\n\nService Locations: the Supplier's contact centres at Glasgow and Middlesbrough, and such other locations within the United Kingdom as the Customer may approve in writing.\n\n2. THE SERVICES\n\n2.3 The Supplier shall not allow Customer Data to be stored at any location other than a Service Location without the prior written consent of the Customer.";
    expect(find(uk, "data_residency").found).toBe(true);
    // Outside a definitions list, "Personnel: all staff …" is a run-in label and states the practice.
    expect(find("Personnel: all staff with access to Customer Data are bound by written confidentiality obligations.", "agent_access_confidentiality").found).toBe(true);
  });
});

describe("order forms, amendments and plain-language terms two last outside reviews wrote", () => {
  test("a provision an amendment switches off, named by its title, is not the clause", () => {
    expect(find("7.3 Clause 8.3 (Consent to Subcontractors) of the Master Terms shall not apply to this Order Form.", "subprocessor_consent").found).toBe(false);
    expect(find("Clause 9 (Audit) of the Master Terms is deleted.", "right_to_audit").found).toBe(false);
    // A limit carved out of another clause is not switched off.
    expect(find("9.5 The Supplier shall not engage any Sub-processor without the Customer's prior written consent; Clause 8.3 (Consent to Subcontractors) shall not apply to affiliates of the Supplier.", "subprocessor_consent").found).toBe(true);
  });

  test("cyber insurance 'with a limit of indemnity of' is no indemnity", () => {
    const insurance = "7.1 The Supplier shall maintain cyber insurance covering data breach costs and third-party privacy claims with a limit of indemnity of not less than GBP 5,000,000.";
    expect(find(insurance, "liability_indemnification").found).toBe(false);
    expect(find(insurance, "cyber_insurance").found).toBe(true);
  });

  test("a defined end date ends the engagement for return and deletion", () => {
    expect(find("Within ten (10) Business Days after the Campaign End Date, the Contractor shall return all Client Data and securely delete all copies.", "data_return_deletion").found).toBe(true);
  });

  test("deferrals: data handled under the other document's clause on termination, an exit management policy, sub-processor rules set out elsewhere, audit rights that are those of a statement", () => {
    expect(find("7.6 Customer Data shall be handled in accordance with clause 14.4 (Effect of Termination) of the Master Terms.", "data_return_deletion")).toMatchObject({ found: false, byReference: true });
    expect(find("7.3 Exit arrangements, including the return of Customer Data and its deletion, shall be governed by the Northgate Group Exit Management Policy.", "data_return_deletion")).toMatchObject({ found: false, byReference: true });
    expect(find("See our Data Governance documentation for detailed retention policies on deletion.", "data_return_deletion").byReference).toBeUndefined();
    expect(find("9.5 The Supplier shall comply with the requirements relating to the appointment of Sub-processors set out in paragraph 6 of the Data Processing Protocol.", "subprocessor_consent")).toMatchObject({ found: false, byReference: true });
    expect(find("5.4 The Customer's rights to audit the Platform are those set out in the Platform Provider's Security and Audit Statement.", "right_to_audit")).toMatchObject({ found: false, byReference: true });
  });
});

describe("a duty stated twice with different deadlines", () => {
  const markdown = (schedule: string) =>
    `# Master Services Agreement\n\n## 7. Security\n\n7.1 The Supplier shall notify the Customer of any Security Incident within 24 hours of becoming aware of it.\n\n## Schedule 2 - Data Processing Terms\n\nS2.4 The Supplier shall notify the Customer of any Personal Data Breach ${schedule} of becoming aware of it.\n`;

  test("the first deadline is the value and the other is named in a note, so legal reads which governs", () => {
    const p = findMarkdown(markdown("within seven (7) days"), "incident_notification");
    expect(p.value).toMatchObject({ kind: "hours", hours: 24 });
    expect(p.hints).toContainEqual({
      code: "other_deadline",
      label: "The contract also states seven (7) days for this duty; check which deadline governs.",
      quote: "S2.4 The Supplier shall notify the Customer of any Personal Data Breach within seven (7) days of becoming aware of it.",
    });
  });

  test("the same deadline stated twice, however written, is no note", () => {
    expect(findMarkdown(markdown("within twenty-four (24) hours"), "incident_notification").hints.filter((h) => h.code === "other_deadline")).toEqual([]);
  });
});

describe("forms met in single clauses from published agreements (batch 20), measured untuned", () => {
  test("a permission that opens a list of what the vendor may do governs each verb of its items", () => {
    const text =
      "Any Customer Data left on the platform 60 days after termination of this Agreement Hostco may: (a) erase and permanently destroy it; or (b) keep it and invoice the Customer for storage.";
    expect(find(text, "data_return_deletion").found).toBe(false);
    expect(find("Within 60 days after termination of this Agreement Hostco shall erase and permanently destroy all Customer Data.", "data_return_deletion").found).toBe(true);
  });

  test("a duty's own act, forbidden, binds the vendor to its opposite; a forbidden act beside the duty does not", () => {
    expect(find("On any termination or expiry of this Agreement the Vendor shall not take any step to deliberately erase Customer Data until the Customer directs it.", "data_return_deletion").found).toBe(false);
    expect(find("On termination of this Agreement the Vendor shall not disclose Customer Data and shall erase it within 30 days.", "data_return_deletion").found).toBe(true);
  });

  test("data destroyed once used for the purposes it was given for, or once no longer needed for them, is the end-of-use deletion", () => {
    expect(find("Each party shall ensure that, once used for the purposes for which it was supplied, the personal data is destroyed beyond recovery.", "data_return_deletion").found).toBe(true);
    expect(find("The Processor shall erase the personal data when it is no longer needed for the purposes of the Services.", "data_return_deletion").found).toBe(true);
    expect(find("The Processor shall use the personal data only for the purposes for which it was supplied.", "data_return_deletion").found).toBe(false);
  });

  test("a residency duty worded as a prohibition, with -ing verbs ('prohibited from storing or accessing … outside')", () => {
    expect(find("The Contractor and its staff are prohibited from storing, transmitting or accessing any Agency data outside of the continental United States.", "data_residency").found).toBe(true);
    expect(find("The Contractor is prohibited from storing Agency data on removable media.", "data_residency").found).toBe(false);
  });

  test("one named country and 'any other country' where the vendor has servers is no restriction", () => {
    expect(find("The Customer agrees that the Vendor may store Customer Data in the United States and any other country in which the Vendor keeps servers.", "data_residency").found).toBe(false);
  });

  test("sub-processors: a general authorisation with no notice or objection is no consent, and vendor discretion with notice and objection is", () => {
    expect(find("The Customer agrees that Mailco may engage Sub-processors to process Customer Data on its behalf.", "subprocessor_consent").found).toBe(false);
    expect(find("The Data Controller understands and hereby authorises the engagement of Sub-processors by the Data Processor.", "subprocessor_consent").found).toBe(false);
    const markdown = [
      "Mailco's use of Sub-processors is at its discretion, provided that:",
      "",
      "(a) Mailco will inform the Customer in advance of any intended addition or replacement of a Sub-processor; and",
      "(b) the Customer may object to such changes.",
    ].join("\n");
    expect(find(markdown, "subprocessor_consent").found).toBe(true);
    expect(find("Mailco may use Sub-processors of its choosing at its sole discretion.", "subprocessor_consent").found).toBe(false);
  });

  test("subcontractors named as a source of liability, or in a transfer restriction, are no consent to them", () => {
    expect(find("Where a breach results from an act or omission of its subcontractors, the Provider shall compensate the Customer for the cost of notifying consumers.", "subprocessor_consent").found).toBe(false);
    expect(find("The Provider shall not transfer Customer Data, or allow its subcontractors to do so, outside the Approved Territory unless it has the Customer's prior written consent.", "subprocessor_consent").found).toBe(false);
    expect(find("The Provider shall not engage any subcontractor without the Customer's prior written consent.", "subprocessor_consent").found).toBe(true);
  });

  test("breach costs the vendor bears 'at its own cost and expense', or one expense it must compensate, are its indemnity", () => {
    expect(find("Should a data breach occur, the Contractor shall offer a credit monitoring plan, at its own cost and expense, to every individual affected by the data breach.", "liability_indemnification").found).toBe(true);
    expect(find("If a Data Incident results from the Provider's negligence, the Provider shall compensate the Customer for any reasonable expense of notifying consumers.", "liability_indemnification").found).toBe(true);
    expect(find("Each party shall bear its own costs of performing this Agreement.", "liability_indemnification").found).toBe(false);
  });

  test("an actual, potential or attempted Breach, and a loss of shared personal data, are incidents; a breach of the agreement and lost data as damages are not", () => {
    expect(find("In the event of any actual, potential or attempted Breach, the Service Provider shall inform the Customer within 24 hours.", "incident_notification").value).toMatchObject({ kind: "hours", hours: 24 });
    expect(find("The Parties shall notify any potential or actual losses of the Shared Personal Data to the other Party within 1 Business Day.", "incident_notification").found).toBe(true);
    expect(find("The Service Provider shall inform the Customer within 24 hours of any actual or suspected breach of this Agreement.", "incident_notification").found).toBe(false);
    expect(find("In no event shall the Provider be liable for damages for loss of data or profit, even if notified of their possibility.", "incident_notification").found).toBe(false);
  });

  test("a floor is no denial: 'coverage shall be no less than' keeps the cyber insurance it sets", () => {
    const text =
      "The Vendor's insurance coverage shall be no less than: (i) professional liability of $1,000,000; and (ii) cyber liability insurance of $2,000,000 per claim, covering data breach response and privacy claims.";
    const proposal = find(text, "cyber_insurance");
    expect(proposal.found).toBe(true);
    expect(proposal.exclusion).toBeUndefined();
  });

  test("a cap worded as the only remedy up to the fees paid, and a cap set in the order form, are caps", () => {
    expect(find("The only remedy either party has under this Agreement is to recover direct damages up to the amount actually paid by the Customer in the prior twelve months.", "liability_cap").found).toBe(true);
    const byReference = find("Each party's total liability for defaults under this Call-Off Contract will not exceed the amount in the Order Form.", "liability_cap");
    expect(byReference.found).toBe(false);
    expect(byReference.byReference).toBe(true);
  });

  test("staff who 'are all instructed' on data protection are trained; the vendor auditing the customer's own premises is no audit right of ours", () => {
    expect(find("Employees with administrative access to the systems are all instructed regarding data protection.", "security_training").found).toBe(true);
    expect(find("Shipco or its designee may carry out an audit at Your facilities to ensure Your compliance with the Information Policies.", "right_to_audit").found).toBe(false);
    expect(find("The Customer or its designee may carry out an audit at the Supplier's facilities to verify the Supplier's compliance with this Agreement.", "right_to_audit").found).toBe(true);
  });
});


describe("forms met in single clauses from published agreements (batch 21a), measured untuned", () => {
  test("staff bound in the subjunctive ('agrees that all its staff sign', 'policies require that new employees enter into'), or around an aside", () => {
    expect(find("The Contractor agrees that all Contractor's staff performing the services sign a confidentiality statement before accessing Agency data.", "agent_access_confidentiality").found).toBe(true);
    expect(find("The Processor's policies require that new employees enter into a confidentiality agreement before they are granted access to personal data.", "agent_access_confidentiality").found).toBe(true);
    expect(find("The Processor and its employees (and any sub-processors) shall treat the personal data they learn of confidentially.", "agent_access_confidentiality").found).toBe(true);
    expect(find("The Contractor must not permit any person the Contractor hires to access Agency data unless that person is bound in writing to keep it confidential.", "agent_access_confidentiality").found).toBe(true);
    expect(find("The Customer agrees that its own staff will keep their passwords confidential.", "agent_access_confidentiality").found).toBe(false);
  });

  test("a DPA that applies the main agreement's limitation of liability defers its cap; a background check is no audit", () => {
    const deferred = find("The Main Agreement's clauses on breach and limitation of liability shall apply to this Data Processing Agreement.", "liability_cap");
    expect(deferred.byReference).toBe(true);
    expect(find("The Contractor may carry out criminal record checks on its personnel and may refuse access to anyone whose check reveals a security risk.", "right_to_audit").found).toBe(false);
  });
});

describe("forms met in single clauses from published agreements (batch 21b), measured untuned", () => {
  test("audits: 'can conduct a security audit' and 'permit security reviews by Customer' are ours; the vendor's audit of the customer is not", () => {
    expect(find("At the Customer's written request, the Customer can conduct a security audit of the Vendor's facilities and systems.", "right_to_audit").found).toBe(true);
    expect(find("If requested, the Provider shall permit security reviews by Customer of the systems storing Customer Data.", "right_to_audit").found).toBe(true);
    expect(find("At the request of the Service Provider, the customer undertakes to provide records of its licence use for an audit.", "right_to_audit").found).toBe(false);
    expect(find("The Customer shall provide its full cooperation and assistance with such audit and access to its records.", "right_to_audit").found).toBe(false);
    expect(find("The Provider shall give ten (10) days' notice before the start of an Audit and will conduct the Audit at Customer's facilities.", "right_to_audit").found).toBe(false);
  });
});

describe("breach notice forms met in batch 21b", () => {
  test("a follow-up written report's deadline is not the notice's; notice to 'other regulators' too does not weaken notice to us", () => {
    const items =
      "In the event of a Security Breach, the Service Provider shall: (a) investigate it; (b) provide notice to Customer immediately, and in any event within twelve (12) hours after discovering the Security Breach; (c) promptly, and in no event more than two (2) business days after discovering the Security Breach, provide a written report to Customer giving all relevant details.";
    expect(find(items, "incident_notification").value).toMatchObject({ kind: "hours", hours: 12 });
    expect(find("The Supplier must, within twenty four (24) hours, inform the Customer of any actual or suspected Data Security Incident or of any data security incident notified to other regulators.", "incident_notification").found).toBe(true);
  });

  test("an unauthorised release of data is an incident, and an inline list's first number keeps its lead-in", () => {
    const text =
      "In the event of an unauthorized release of student data, the Vendor shall: 1. Immediately notify the District, and no more than seven (7) calendar days after discovering the release. 2. Advise the District of the steps taken.";
    expect(find(text, "incident_notification").value).toMatchObject({ kind: "hours", hours: 168 });
  });
});

describe("more forms met in batch 21b", () => {
  test("a cap 'limited as follows' after a long subject, sub-consultants needing approval, and notice of ending a subcontract", () => {
    expect(find("The liability of the Supplier under or in connection with this agreement, whether arising from contract, negligence or otherwise, shall be limited as follows: for any liability, the greater of £1 million or 300% of the Charges.", "liability_cap").found).toBe(true);
    expect(find("The Consultant shall obtain the Agency's written approval before engaging any Sub-consultant not named in the Agreement.", "subprocessor_consent").found).toBe(true);
    expect(find("The Contractor must notify the Agency no later than 90 days before terminating any subcontract.", "subprocessor_consent").found).toBe(false);
  });

  test("an inline item letter after a full stop opens a sentence of its own", () => {
    const text =
      "The Vendor will give the District the contact details of those who may answer questions. d. The Vendor shall indemnify and hold the District harmless from any claims arising from its breach of the data security and privacy provisions.";
    expect(find(text, "liability_indemnification").found).toBe(true);
  });
});

describe("forms met in batch 22", () => {
  test("restoring lost data at the vendor's expense is remediation, not its indemnity; breach costs at its own expense are", () => {
    expect(find("The Provider will restore any lost Personal Data at its own expense as soon as possible after a Personal Data Breach.", "liability_indemnification").found).toBe(false);
    expect(find("Should a data breach occur, the Contractor shall, at its own expense, provide credit monitoring to each individual affected by the data breach.", "liability_indemnification").found).toBe(true);
  });

  test("staff 'required to abide by' the confidentiality terms are bound; an indemnity 'up to an amount equal to' five years' fees is a cap", () => {
    expect(find("The Receiving Party's personnel who have access to Confidential Information will be required to abide by the confidentiality terms of this Agreement.", "agent_access_confidentiality").found).toBe(true);
    expect(find("The Vendor will indemnify the Customer up to an amount equal to five (5) times the annual fees against any losses arising from a breach of its data security obligations.", "liability_cap").found).toBe(true);
    expect(find("The applicable limitation of liability as mentioned in article 11 applies to any fine caused by the Contractor.", "liability_cap").byReference).toBe(true);
  });

  test("staff 'authorized to work' and consent from data subjects are no consent to sub-processors", () => {
    expect(find("The Vendor's and its subcontractors' personnel with access to the data must be authorized to work in the United States.", "subprocessor_consent").found).toBe(false);
    expect(find("The Customer shall obtain sufficient consent from any relevant data subject to permit the processing of personal data by the Supplier's subcontractors.", "subprocessor_consent").found).toBe(false);
  });
});

describe("forms met in batch 23", () => {
  const annex = (...lines: string[]) => findClauses({ sections: [{ heading: "Annex 2 – Technical and Organisational Measures", text: lines.join("\n") }] });
  const inAnnex = (code: string, ...lines: string[]) => annex(...lines).find((p) => p.clauseCode === code)!;

  test("a measures annex that states each practice of the staff in a bullet is the vendor's commitment", () => {
    expect(inAnnex("security_training", "• Staff are regularly (at least every twelve months) made aware of data protection rules.").found).toBe(true);
    expect(inAnnex("agent_access_confidentiality", "• Staff are regularly (at least every two years) committed to maintain data secrecy.").found).toBe(true);
    // Near miss: what staff may do is no practice kept for them.
    expect(inAnnex("security_training", "• Staff may be made aware of the data protection rules by the Customer.").found).toBe(false);
  });

  test("a label-list of people's measures without verbs: confidentiality agreements and 'initial & annual security/privacy training'", () => {
    const line = "- Personnel controls: Reference checks (where permitted), confidentiality agreements, initial & annual security/privacy training.";
    expect(inAnnex("security_training", line).found).toBe(true);
    expect(inAnnex("agent_access_confidentiality", line).found).toBe(true);
    // Near miss: the same nouns offered to the customer's users are a service sold, not the vendor's own staff.
    expect(inAnnex("security_training", "- Optional add-ons: initial & annual security/privacy training for the subscribing organisation.").found).toBe(false);
  });

  test("the vendor training the customer is no training of the vendor's staff", () => {
    expect(find("Under the card programme the Provider will provide you with ongoing awareness training on the security standards that apply to your outlet.", "security_training").found).toBe(false);
    expect(find("The Provider shall ensure that its support agents receive awareness training on the security standards before handling card data.", "security_training").found).toBe(true);
  });

  test("sub-processors named in a breach notice, staff told of confidentiality, and 'Authorized Users' are no consent to sub-processors", () => {
    expect(find("The Vendor shall notify the Client without undue delay after becoming aware of any unauthorized access to Client Data processed by the Vendor or its Sub-processors.", "subprocessor_consent").found).toBe(false);
    expect(find("The Contractor shall notify all of its agents, employees and subcontractors of the confidentiality duties in this section.", "subprocessor_consent").found).toBe(false);
    expect(find("The security module for Authorized Users must be completed by each new employee or Subcontractor within 30 days.", "subprocessor_consent").found).toBe(false);
    // The real thing, in the same vocabulary.
    expect(find("The Vendor shall notify the Client of any new Sub-processor at least 30 days before it is engaged, and the Client may object to it.", "subprocessor_consent").found).toBe(true);
    expect(find("The Contractor shall not subcontract any of the services without the State's prior written authorization.", "subprocessor_consent").found).toBe(true);
  });
});

describe("residency forms met in batch 23", () => {
  test("a city before its country or region names where data is kept; a verbless 'No transfer outside …' bars it", () => {
    expect(find("Customer Data is stored in Frankfurt (EU).", "data_residency").found).toBe(true);
    expect(find("Customer Data is hosted in Dublin, Ireland.", "data_residency").found).toBe(true);
    expect(find("No transfer of Customer Data outside the EEA without your prior written consent.", "data_residency").found).toBe(true);
    // Near misses: an office's city, and a fee.
    expect(find("Our registered office is in Dublin, Ireland.", "data_residency").found).toBe(false);
    expect(find("No transfer fee is charged for moving data to the EU region.", "data_residency").found).toBe(false);
  });
});

describe("forms met in batch 24", () => {
  test("confidentiality by the vendor's staff, said in the passive with an irregular participle, as a ban on the staff, or as a measures line", () => {
    expect(find("All files the Client hands over shall be kept confidential by the Provider and its staff and agents.", "agent_access_confidentiality").found).toBe(true);
    expect(find("No Provider Staff shall copy, circulate or disclose Client Data except as this Agreement allows.", "agent_access_confidentiality").found).toBe(true);
    const measures = findClauses({ sections: [{ heading: "Annex 2 – Technical and Organisational Measures", text: "• Obligation of employees to data secrecy\n• Firewalls at every site" }] });
    expect(measures.find((p) => p.clauseCode === "agent_access_confidentiality")!.found).toBe(true);
    // Near misses: the customer's own people, and a duty of the customer.
    expect(find("All files shall be kept confidential by the Client's own staff.", "agent_access_confidentiality").found).toBe(false);
    const customers = findClauses({ sections: [{ heading: "Annex 2 – Technical and Organisational Measures", text: "• Obligation of the controller to instruct its users" }] });
    expect(customers.find((p) => p.clauseCode === "agent_access_confidentiality")!.found).toBe(false);
  });

  test("'total cumulative damages … be more than' caps liability without the word", () => {
    expect(find("In no event shall the total cumulative damages for a breach of this Agreement by the Provider be more than the fees paid in the 12 months before the breach.", "liability_cap").found).toBe(true);
    expect(find("In no event shall the total cumulative damages be calculated in a currency other than euro.", "liability_cap").found).toBe(false);
  });

  test("'the U.S.' at the end of a sentence names a place; a 'U.S. government' embargo does not", () => {
    expect(find("The Provider shall ensure that all Client Data will at all times reside in, and be maintained in, the continental U.S.", "data_residency").found).toBe(true);
    expect(find("Each party confirms it is not located in a country subject to a U.S. government embargo.", "data_residency").found).toBe(false);
    expect(find("The Client will not permit access in breach of any U.S. or other applicable export restrictions.", "data_residency").found).toBe(false);
  });
});

describe("forms met in batch 25", () => {
  // A sentence over 600 characters is cut at its semicolons; these lists are long enough to be cut.
  const duty = "keep an up-to-date record of every processing activity it carries out for the Client, in the form the Client reasonably asks for and at no extra charge; ";

  test("an exception that opens the sentence ends where the main clause's time begins", () => {
    expect(find("Except as the law requires, upon termination of this Agreement, the Provider shall erase all Client Data.", "data_return_deletion").found).toBe(true);
    expect(find("With the exception of anonymised statistics, within 30 days after expiry of this Agreement, the Provider shall ensure that all Client Data is returned or destroyed.", "data_return_deletion").found).toBe(true);
    // Near miss: the end of the Agreement named only inside the exception.
    expect(find("Except for data held after termination for billing, the Provider shall delete Client Data whenever the Client asks.", "data_return_deletion").found).toBe(false);
  });

  test("a long list of duties is read under its own lead-in ('…, the Provider will:'), and a list nested in it under its own ('ensure that the Personnel:')", () => {
    const listed = `(a) To meet every law that protects the Client's records, the Provider will: ${duty}${duty}${duty}train its staff on the laws that protect the confidentiality of Client Data; and report every security incident to the Client.`;
    expect(find(listed, "security_training").found).toBe(true);
    const nested = `The Provider shall: ${duty}${duty}take all reasonable steps to ensure the reliability of the Provider Personnel who can reach Client Data and ensure that the Provider Personnel: know the Provider's duties under this clause; are told of the confidential nature of Client Data and do not disclose any of it to anyone unless the Client agrees in writing; and have completed suitable training in the handling of personal data;`;
    expect(find(nested, "agent_access_confidentiality").found).toBe(true);
    expect(find(nested, "security_training").found).toBe(true);
    // Near misses: people told that data is confidential, with nothing binding them to keep it so.
    const toldOnly = `The Provider shall: ${duty}${duty}take all reasonable steps to ensure the reliability of the Provider Personnel who can reach Client Data and ensure that the Provider Personnel: know the Provider's duties under this clause; and are told of the confidential nature of Client Data;`;
    expect(find(toldOnly, "agent_access_confidentiality").found).toBe(false);
    expect(find("Provider Personnel are informed of the confidential nature of Client Data.", "agent_access_confidentiality").found).toBe(false);
  });

  test("the vendor auditing the customer's records, or limited in how often it does, is no audit right of ours", () => {
    expect(find("The Licensor or its auditor may, on reasonable notice, examine and audit Your records and systems to check Your compliance with the licence.", "right_to_audit").found).toBe(false);
    expect(find("The Licensor may not conduct an audit of the Client more than once per calendar year.", "right_to_audit").found).toBe(false);
    // The vendor as the one audited, limited in frequency: our right, limited.
    expect(find("The Provider may not be audited more than once in any year, save after a security incident.", "right_to_audit").found).toBe(true);
  });

  test("'not … liable for any amounts that exceed' caps liability; a sole remedy of service credits and the customer's own limit do not", () => {
    expect(find("The Provider shall not be responsible or liable for any amounts that, together with all other claims, exceed the fees paid in the twelve months before the claim.", "liability_cap").found).toBe(true);
    expect(find("The Client shall be liable for any amounts that exceed its agreed credit limit.", "liability_cap").found).toBe(false);
    expect(find("The Client's sole remedy, and the Provider's entire liability, for service availability is a credit of 5% of monthly fees for each hour of downtime, and no more than one such credit accrues per day.", "liability_cap").found).toBe(false);
  });

  test("'Subject to' opening a proviso binds nobody to confidentiality; staff 'subject to' confidentiality obligations are bound", () => {
    expect(find("Subject to the Client's rights in its Confidential Information, the Provider shall give the auditors access to its Staff.", "agent_access_confidentiality").found).toBe(false);
    expect(find("All Provider staff are subject to written confidentiality obligations.", "agent_access_confidentiality").found).toBe(true);
  });
});

describe("forms met in batch 26a", () => {
  test("people bound without the word 'confidential': none of the vendor's personnel may disclose, or 'persons who may gain knowledge' undertake secrecy", () => {
    expect(find("The Provider shall ensure that none of the Provider's Personnel who can reach Client Data use or disclose it beyond what their duties need.", "agent_access_confidentiality").found).toBe(true);
    expect(find("Persons who may gain knowledge of Client Data shall undertake in writing to keep it confidential.", "agent_access_confidentiality").found).toBe(true);
    // Near miss: the customer's own staff.
    expect(find("The Provider shall ensure that none of the Client's staff disclose their passwords to anyone.", "agent_access_confidentiality").found).toBe(false);
  });

  test("a British lead-in ending ':-', with its number on a line of its own, governs the numbered items under it", () => {
    const text =
      "12.2\nThe Provider shall take all necessary precautions to ensure that all Confidential Information it receives from the Client:-\n12.2.1 is shared only with Staff who need it for the Contract;\n12.2.2 is treated as confidential and not disclosed or used by any Staff otherwise than for the Contract;";
    const passages = buildPassages({ sections: [{ heading: null, text }] }).map((p) => p.text);
    expect(passages).toContain("12.2 The Provider shall take all necessary precautions to ensure that all Confidential Information it receives from the Client:- 12.2.1 is shared only with Staff who need it for the Contract;");
    expect(find(text, "agent_access_confidentiality").found).toBe(true);
  });

  test("caps stated as a limit on compensation or on an indemnity; a cap on the customer's liability alone, named by who pays the fees, is none", () => {
    expect(find("In that case the Seller's obligation to pay compensation shall be limited to EUR 5,000.", "liability_cap").found).toBe(true);
    expect(find("The Provider agrees to indemnify the Client for all loss or damage to its property caused by the negligence of the Provider or its staff up to a limit of £250,000.", "liability_cap").found).toBe(true);
    expect(find("The maximum aggregate liability of the Provider to the Authority in any year is limited to the total fees payable by the Authority in the first 12 months.", "liability_cap").found).toBe(true);
    // Near misses: a limit on the kind of damage, an insurance limit, and the buyer's own liability.
    expect(find("The obligation to pay compensation shall be limited to foreseeable damage.", "liability_cap").found).toBe(false);
    expect(find("The limit of indemnity under the Provider's public liability insurance is £5,000,000 for any one accident.", "liability_cap").found).toBe(false);
    expect(find("The maximum aggregate liability of the Authority to the Provider in any year is limited to the total fees payable by the Authority in the first 12 months.", "liability_cap").found).toBe(false);
  });

  test("consent a parent gives is no sub-processor consent; the customer's consent, or a duty to use only an approved subcontractor, is", () => {
    expect(find("The Provider shall only use an approved subcontractor.", "subprocessor_consent").found).toBe(true);
    expect(find("The Provider shall not engage any sub-processor other than an approved sub-processor.", "subprocessor_consent").found).toBe(true);
    expect(find("The Provider shall not engage any sub-processor to process the personal data of individuals unless the Customer has given its prior written consent.", "subprocessor_consent").found).toBe(true);
    expect(find("The Provider agrees not to disclose Student Data to any other party, except for its employees and subcontractors, unless the parent has provided prior written consent.", "subprocessor_consent").found).toBe(false);
  });

  test("staff described as aware of their duties are not trained; staff the vendor must make aware are", () => {
    expect(find("The work shall be done only by employees of the Provider who are aware of their responsibilities under data protection law.", "security_training").found).toBe(false);
    expect(find("The Provider shall ensure that its staff are made aware of their responsibilities under data protection law.", "security_training").found).toBe(true);
  });
});

describe("forms met in batch 26b", () => {
  test("the party that warrants is bound by what it warrants, whoever the clause after 'that' names first", () => {
    expect(find("On termination of this Agreement, Acme warrants that the Licensee's Data and any information Acme stores for the Licensee will be returned to the Licensee.", "data_return_deletion").found).toBe(true);
    expect(find("The Licensee warrants that the Licensee's Data will be returned to it on termination.", "data_return_deletion").found).toBe(false);
  });

  test("the end of the work said as the completion of the vendor's obligations, the conclusion of the service, or no longer needed for any permitted use", () => {
    for (const text of [
      "Seller shall return or destroy all Order Data upon the earlier of the Buyer's request or the completion of Seller's obligations under the Order.",
      "The Recipient will delete the transferred information once it is no longer reasonably required by the Recipient for any permitted use.",
      "The Organisation will relinquish or destroy all records provided by you upon conclusion of the service.",
    ])
      expect(find(text, "data_return_deletion").found, text).toBe(true);
    expect(find("The Organisation will relinquish or destroy records provided by you whenever you ask.", "data_return_deletion").found).toBe(false);
  });

  test("caps said as 'neither party may be held liable … for more than' or 'subject to a cap of', and an item letter after a full stop opens a sentence", () => {
    expect(find("Except as provided in Section 11.2, neither party may be held liable under this Agreement for more than the amount paid under the applicable statement of work.", "liability_cap").found).toBe(true);
    const text =
      "The fact that some Losses are named as recoverable does not change the ordinary rules on recovering Loss. (c) So far as the law allows, a party (the first party) is liable to the other party for Losses it directly suffers as a result of: (i) personal injury to the other party or its staff; or (ii) damage to the property of the other party or its staff caused by the first party's negligence, but subject to a cap of $1 million per event.";
    expect(buildPassages({ sections: [{ heading: null, text }] })[1]?.text).toMatch(/^\(c\) So far as the law allows/);
    expect(find(text, "liability_cap").found).toBe(true);
    expect(find("The Customer's account is subject to a cap of 10,000 messages per month.", "liability_cap").found).toBe(false);
  });

  test("'neither the contractor, nor contractor employees shall divulge' binds the people; the client's own do not count", () => {
    expect(find("Neither the contractor, nor contractor employees shall divulge or release data obtained under this contract.", "agent_access_confidentiality").found).toBe(true);
    expect(find("Neither the Client nor the Client's employees shall divulge the Provider's pricing.", "agent_access_confidentiality").found).toBe(false);
  });

  test("a bar on transfers lifted by measures that comply with the law is no residency; one lifted only by the customer's consent is", () => {
    expect(find("The Provider shall not transfer Client Data outside the EEA unless it has taken the measures needed for the transfer to comply with data protection law.", "data_residency").found).toBe(false);
    expect(find("The Provider shall not transfer Client Data outside the EEA unless the Client has given prior written consent and the transfer is in compliance with data protection law.", "data_residency").found).toBe(true);
  });
});

describe("forms met in batch 27a: small vendors' terms in the first person", () => {
  test("'Our employees have all signed non-disclosure agreements' states a practice that binds the people; the clients' signature does not", () => {
    expect(find("Our employees have all signed non-disclosure agreements.", "agent_access_confidentiality").found).toBe(true);
    expect(find("Our clients have all signed non-disclosure agreements with us.", "agent_access_confidentiality").found).toBe(false);
  });

  test("the end of a job: once the work product is delivered, or once the data is no longer required", () => {
    for (const text of [
      "Once we submit the translations to the client we will remove the source files from our system.",
      "I will delete your recordings once I have sent you the completed transcript.",
      "Once the data is no longer required, it is securely deleted within 14 days.",
    ])
      expect(find(text, "data_return_deletion").found, text).toBe(true);
    // Near misses: an invoice is no end of the work, and the customer deleting its own password is no duty of ours.
    expect(find("Once we have sent you the invoice, we will remove your card details.", "data_return_deletion").found).toBe(false);
    expect(find("Once your password is no longer required, you may delete it.", "data_return_deletion").found).toBe(false);
  });

  test("'we limit our liability to resupplying' caps liability; customers limiting their own liability do not", () => {
    expect(find("Where the law allows liability to be limited, we limit our liability to resupplying the services or paying the cost of resupply.", "liability_cap").found).toBe(true);
    expect(find("Customers who limit their liability to third parties must tell us.", "liability_cap").found).toBe(false);
  });

  test("security courses mandatory for the vendor's employees are training; for the customer's, or sold to customers, they are not", () => {
    expect(find("Security courses are mandatory for all employees, with a renewal cycle of 3 years.", "security_training").found).toBe(true);
    expect(find("Security courses are mandatory for all employees of the Customer who use the platform.", "security_training").found).toBe(false);
    expect(find("The Provider sells security courses to its customers.", "security_training").found).toBe(false);
  });
});

describe("near misses an outside review found in the forms of batches 23 and 24", () => {
  test("each reads as absent, and the clause it resembles still reads as present", () => {
    const absent: [string, string][] = [
      ["data_residency", "No transfer impact assessment was needed for transfers of Client Data to Canada."],
      ["data_residency", "No transfers to Canada are planned, though the Provider may make them at its discretion."],
      ["security_training", "Provider staff who are aware of data security incidents shall report them to the security desk."],
      ["agent_access_confidentiality", "Passwords shall be kept confidential by each Named User and the Client's employees."],
      ["agent_access_confidentiality", "Our people are committed to confidentiality in everything they do."],
      ["liability_cap", "In no event shall total liquidated damages for late delivery exceed 10% of the Fees."],
    ];
    for (const [code, text] of absent) expect(find(text, code).found, text).toBe(false);
    const present: [string, string][] = [
      ["subprocessor_consent", "The Processor shall not use sub-processors without the prior written authorisation of the Controller, and remains liable for any breach by a sub-processor."],
      ["security_training", "The Provider will provide the Client with evidence that its staff complete annual security training."],
    ];
    for (const [code, text] of present) expect(find(text, code).found, text).toBe(true);
  });
});

describe("near misses and losses an outside review found in the forms of batches 25 to 27", () => {
  const duty = "keep an up-to-date record of every processing activity it carries out for the Client, in the form the Client reasonably asks for and at no extra charge; ";

  test("each reads as absent", () => {
    const absent: [string, string][] = [
      ["incident_notification", "The Provider shall not be responsible or liable for any delay in notifying the Customer of a Security Incident caused by the Customer's failure to keep its contact details up to date."],
      ["data_return_deletion", "The Processor shall process Personal Data only to the extent needed for the performance of its obligations, and shall not copy, delete or transfer it without the Controller's instructions."],
      ["data_return_deletion", "Upon termination, the Provider shall relinquish any right to use the Client's trade marks."],
      ["agent_access_confidentiality", "Neither party nor its employees shall release any public announcement regarding this Agreement without the other party's written consent."],
      ["liability_cap", "No party shall be liable for any claim brought more than two years after the cause of action arose."],
      ["liability_cap", "The Provider shall maintain professional liability cover subject to a limit of £2,000,000 for each claim."],
      ["data_return_deletion", "The Provider warrants that the Software is free of viruses and the Customer shall delete all copies of the Software upon termination."],
      ["data_return_deletion", "Except for records that the Provider, on termination, must keep by law, the Provider shall delete Client Data whenever the Client asks."],
      // A nested list ends where the outer list's next item begins: (e) is not read under "(c) ensure that the Provider Personnel:".
      ["agent_access_confidentiality", `The Provider shall: (a) ${duty}(b) ${duty}(c) ensure that the Provider Personnel: (i) know the Provider's duties under this clause; (ii) have completed suitable training in the handling of personal data; (d) ${duty}(e) keep all Client Data confidential in accordance with its duty of confidence under clause 12.`],
    ];
    for (const [code, text] of absent) expect(find(text, code).found, text).toBe(false);
  });

  test("each reads as present", () => {
    const present: [string, string][] = [
      ["right_to_audit", "The Customer may audit the Supplier's compliance with this Agreement on thirty days' notice. The Supplier shall not permit more than one such audit in any calendar year, except following a Security Incident."],
      ["liability_cap", "The Provider's aggregate liability, including for any failure to meet the uptime commitment, is limited to the fees paid in the 12 months before the claim and does not extend to losses from credit card fraud."],
      ["liability_cap", "The Supplier's total liability under this Contract shall not exceed 125% of the Charges, less any sums payable by the Supplier under clause 9.4 (Delay Payments)."],
      ["data_return_deletion", "On termination of this Agreement the Provider shall: (a) stop using Client Data. (b) Return all Client Data to the Client within 30 days. (c) Delete every remaining copy."],
      ["data_residency", "The Provider shall not transfer Client Data outside the EEA unless it has taken the measures required for compliance with data protection law and the Client has agreed to the transfer in writing."],
      // The time of the outer lead-in stays with the pieces read under an inner "…, the Provider will:".
      ["data_return_deletion", `Upon termination of this Agreement, the Provider shall: (a) ${duty}(b) to meet its legal duties, the Provider will: ${duty}${duty}erase all Client Data from its systems; and certify the erasure to the Client.`],
    ];
    for (const [code, text] of present) expect(find(text, code).found, text).toBe(true);
  });
});

describe("hostile text", () => {
  test("one long run of a hyphenated, dotted or underscored 'word' is read in one pass, not once from each of its letters", () => {
    for (const unit of ["a-", "a.", "a-a.", "a_"]) {
      const text = `in ${unit.repeat(100_000 / unit.length)}`;
      const started = performance.now();
      findClauses({ sections: [{ heading: null, text }] });
      // Word classes tried from every letter of the run took about a minute on 100,000 characters of "a-a-a-…".
      expect(performance.now() - started, unit).toBeLessThan(3_000);
    }
  });

  test("a run of capitalised hyphenated letters before a duty is read once, not from each of its capitals", () => {
    const text = `${"A-B-".repeat(25_000)} The Provider shall delete all Client Data on termination.`;
    const started = performance.now();
    findClauses({ sections: [{ heading: null, text }] });
    // A party's name looked for from every capital ("X warrants that …") took about 5 s here.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  test("a sentence of 100,000 characters of many capitalised names, or of dashes before a cap's words, is read in linear time", () => {
    for (const text of [
      "Aa Bb Cc Dd Ee Ff shall ".repeat(4_200),
      `${"-".repeat(100_000)} subject to staff confidential obligation`,
    ]) {
      const started = performance.now();
      findClauses({ sections: [{ heading: null, text }] });
      // The word before each name was found by splitting all the text before it (5 s); the dashes could open either of two
      // parts of a by-reference pattern (13 s).
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(3_000);
    }
  });
});

describe("notes for the reviewer", () => {
  test("a cap set by fees rather than as an amount says so, so legal records what the fees come to", () => {
    for (const text of [
      "The Supplier's total liability under this Agreement shall not exceed twelve months' fees.",
      "The Supplier's aggregate liability shall not exceed the fees paid in the twelve (12) months preceding the claim.",
    ]) {
      const cap = find(text, "liability_cap");
      expect(cap.found, text).toBe(true);
      expect(cap.value, text).toBeUndefined();
      expect(cap.hints.map((h) => h.code), text).toEqual(["fees_basis"]);
    }
    expect(find("The Supplier's total liability under this Agreement shall not exceed USD 1,000,000.", "liability_cap").hints).toEqual([]);
  });
});

describe("what legal is shown as the clause's passage", () => {
  test("a clause cut from a coordinated sentence is quoted in the whole sentence, not as its first half ending in ', and'", () => {
    const text =
      "The Provider shall not engage any subcontractor without the Customer's prior written consent. The Provider shall give the Customer thirty (30) days' notice of any change to an approved subcontractor, and the Customer may object to the change on reasonable grounds.";
    const quotes = find(text, "subprocessor_consent").passages.map((p) => p.quote);
    expect(quotes).toContain("The Provider shall give the Customer thirty (30) days' notice of any change to an approved subcontractor, and the Customer may object to the change on reasonable grounds.");
    expect(quotes.some((q) => /,\s+and$/.test(q))).toBe(false);
  });

  test("a deletion duty that names the approved subcontractors holding copies is no support for sub-processor consent", () => {
    const text =
      "The Provider shall not engage any subcontractor without the Customer's prior written consent. Within thirty (30) days after termination the Provider shall delete all copies of Customer Data, including copies held by approved subcontractors.";
    const proposal = find(text, "subprocessor_consent");
    expect(proposal.found).toBe(true);
    expect(proposal.passages.map((p) => p.quote)).toEqual(["The Provider shall not engage any subcontractor without the Customer's prior written consent."]);
    expect(find("The Provider shall only use approved sub-processors.", "subprocessor_consent").found).toBe(true);
  });
});
