import { describe, expect, test } from "vitest";
import { readsAsEnglish } from "@/lib/domain/legal/contract-language";

// Clauses written for this test, one a language, each saying roughly what the English one says.
const ENGLISH =
  "The Supplier shall notify the Customer of any personal data breach without undue delay and in any event within 24 hours. On termination of this Agreement the Supplier shall return or delete all Customer Data.";
const GERMAN =
  "Der Auftragnehmer verpflichtet sich, den Auftraggeber unverzüglich über jede Verletzung des Schutzes personenbezogener Daten zu informieren. Nach Beendigung des Vertrages sind alle Daten des Auftraggebers zu löschen oder zurückzugeben.";
const DUTCH =
  "De verwerker meldt elk incident met betrekking tot persoonsgegevens onmiddellijk aan de opdrachtgever. Na het einde van de overeenkomst worden alle gegevens van de opdrachtgever vernietigd of teruggegeven.";
const FRENCH =
  "Le sous-traitant notifie au responsable du traitement toute violation de données à caractère personnel dans les meilleurs délais. À la fin du contrat, le sous-traitant supprime ou renvoie toutes les données.";

describe("the language a contract is read in", () => {
  test("an English clause is English", () => {
    expect(readsAsEnglish(ENGLISH)).toBe(true);
  });

  test.each([
    ["German", GERMAN],
    ["Dutch", DUTCH],
    ["French", FRENCH],
  ])("a %s agreement is not", (_language, clause) => {
    expect(readsAsEnglish(`${clause}\n\n${clause}`)).toBe(false);
  });

  test("an agreement printed in German and English side by side is read (its English half)", () => {
    expect(readsAsEnglish(`${GERMAN}\n${ENGLISH}`)).toBe(true);
  });

  test("an English annex of terse bullet points is English, though it has few of the small words", () => {
    const annex = [
      "Annex 2 - Technical and Organisational Measures",
      "- Encryption: TLS 1.2 in transit; AES-256 at rest.",
      "- Access control: role-based access, least privilege, MFA for administrators.",
      "- Logging: central log collection, retained 12 months, reviewed weekly.",
      "- Staff: background checks before hire; security awareness training every year; confidentiality undertakings.",
      "- Backups: daily, encrypted, restore tested each quarter.",
      "- Incidents: response plan, tested annually, Customer informed within 48 hours.",
    ].join("\n");
    expect(readsAsEnglish(annex)).toBe(true);
  });

  test("too few words to judge is given the benefit of the doubt: a heading, a table of figures", () => {
    expect(readsAsEnglish("Anlage 1")).toBe(true);
    expect(readsAsEnglish("EUR 250.000 | 12 | 24 | 72")).toBe(true);
  });

  test("a foreign quotation inside an English contract does not make it foreign", () => {
    expect(readsAsEnglish(`${ENGLISH} The parties note the heading "${GERMAN.slice(0, 60)}". ${ENGLISH}`)).toBe(true);
  });
});
