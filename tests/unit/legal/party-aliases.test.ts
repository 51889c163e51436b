import { describe, expect, test } from "vitest";
import { customerAliases, customerNamer } from "@/lib/domain/legal/party-aliases";

describe("the customer's other names", () => {
  test("a name given beside 'you', where the other party is 'we', is the customer's", () => {
    expect(customerAliases(['Terms between you (the "Creator", "you" or "your") and Acme Ltd ("Acme", "we", "us" or "our") governing your use of the Platform.'])).toEqual(["Creator"]);
    expect(customerAliases(['Made available to you ("Supplier" or "you") by Acme Inc. ("Acme"; "we", or "us").'])).toEqual(["Supplier"]);
  });

  test("without a 'we', or where the service does not run to 'you', 'you' may be the vendor, so nothing is renamed", () => {
    expect(customerAliases(['Between Acme Inc. ("Company") and you, the partner ("Partner", "you" or "your").'])).toEqual([]);
    expect(customerAliases(['Between Globex Bank plc ("Globex", "we", "us" or "our") and the supplier named in the Order ("Supplier", "you" or "your").'])).toEqual([]);
  });

  test("only whole words are renamed; plurals and other words are left", () => {
    expect(customerNamer(["Creator"])("Creator shall keep Creator Data safe for other Creators.")).toBe("Customer shall keep Customer Data safe for other Creators.");
  });
});
