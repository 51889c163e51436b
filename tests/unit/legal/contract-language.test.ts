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

  test("other scripts, and Polish, are not English either", () => {
    const RUSSIAN = "Обработчик уведомляет заказчика о каждой утечке персональных данных без промедления. После окончания договора все данные удаляются.";
    const CHINESE = "受托方发现个人信息泄露后应立即通知委托方。合同终止后，受托方应删除或返还全部数据。";
    const POLISH = "Podmiot przetwarzający zgłasza administratorowi każde naruszenie ochrony danych osobowych bez zbędnej zwłoki. Po zakończeniu umowy usuwa lub zwraca wszystkie dane, które są w jego posiadaniu i nie są wymagane przez prawo.";
    for (const clause of [RUSSIAN, CHINESE, POLISH]) expect(readsAsEnglish(`${clause}\n${clause}`)).toBe(false);
  });

  test("an agreement printed in two languages is read (its English half), whichever comes first and however often the other uses its small words", () => {
    expect(readsAsEnglish(`${GERMAN}\n${ENGLISH}`)).toBe(true);
    expect(readsAsEnglish(`${FRENCH}\n${ENGLISH}`.repeat(20))).toBe(true);
    // The English version after a long other one: the whole text is read, not its start.
    expect(readsAsEnglish(`${GERMAN.repeat(600)}\n${ENGLISH.repeat(600)}`)).toBe(true);
  });

  test("names and addresses in other languages, Latin phrases and rate tables do not make an English contract foreign", () => {
    const parties = "Between Banco de la Plata S.A., Avenida de la Reforma 12, and Van der Berg en de Vries B.V., Het Steenhuis 4, and Société des Eaux de la Ville, 12 rue de la Paix.";
    const rates = "Role | EUR per hour | EUR per day\nSenior consultant | 250 | 2000\n".repeat(100);
    expect(readsAsEnglish(`${parties}\n${ENGLISH}\n${rates}`)).toBe(true);
    expect(readsAsEnglish(`${ENGLISH} Inter alia, per annum, pro rata, de minimis, et seq.`)).toBe(true);
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
