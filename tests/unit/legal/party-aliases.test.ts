import { describe, expect, test } from "vitest";
import { buyerWritingAsWe, customerAliases, customerNamer, customerNamesInPartyList, vendorNamesInPartyList } from "@/lib/domain/legal/party-aliases";

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

describe("a buyer's contract written as 'we'", () => {
  test("'we' is the buyer where 'you', or a party named apart, is the supplier", () => {
    expect(buyerWritingAsWe(["Koala Energy Retail Pty Ltd (we, us or Koala) and Sahyadri CX Services Private Limited (you or Supplier)."])).toEqual({ customerNames: ["Koala"], youSupply: true });
    expect(
      buyerWritingAsWe(['These terms apply to every Purchase Order issued by Kestrel Retail Group Limited ("we", "us", "our") to a supplier of contact centre services (the "Supplier").']),
    ).toEqual({ customerNames: [], youSupply: false });
  });

  test("not where 'we' is the supplier, or 'you' is the customer", () => {
    expect(buyerWritingAsWe(['Acme Cloud Ltd ("Acme", "we", "us", "Provider") and the customer ("Customer", "you").'])).toBeUndefined();
    expect(
      buyerWritingAsWe([
        'This DPA is between Brightline Software, Inc. ("Brightline," "we," "us," or "our"), and the customer entity ("Customer," "you," or "your").',
        'Brightline acts as a processor (the "Processor") of Customer Data.',
      ]),
    ).toBeUndefined();
    expect(buyerWritingAsWe(['Acme Ltd ("we", "us") provides the Services to its customers.'])).toBeUndefined();
  });
});

describe("vendorNamesInPartyList", () => {
  test("the short name quoted after a company name, beside a customer quoted by its role, is the vendor's", () => {
    const preamble = 'This DPA forms part of the Agreement (the "Main Agreement") between Ticketry B.V., a private limited company registered in Amsterdam ("Ticketry"), and the customer identified in the Order Form (the "Customer").';
    expect(vendorNamesInPartyList([preamble])).toEqual(["Ticketry"]);
  });

  test.each([
    ["the customer's own short name", 'This Agreement is made between Northwind Bank plc ("Northwind" or the "Customer") and the supplier named in the Order (the "Supplier").'],
    ["no party list", 'Ticketry B.V. ("Ticketry") provides the Services to the customer (the "Customer").'],
    ["no customer quoted by its role", 'This Agreement is made between Ticketry B.V. ("Ticketry") and Globex Ltd ("Globex").'],
    ["a quoted term that opens no company name", 'This DPA forms part of the Subscription Services Agreement (the "Services") between the provider and you (the "Customer").'],
  ])("names no vendor: %s", (_, preamble) => {
    expect(vendorNamesInPartyList([preamble])).toEqual([]);
  });
});

describe("customerNamesInPartyList", () => {
  test("the other party's quoted name, where the vendor is quoted by its role, is the customer's", () => {
    expect(customerNamesInPartyList(['Between North Tyneside Hospitals NHS Foundation Trust (the "Authority") and Medibyte Solutions Ltd, a company incorporated in England (the "Contractor").'])).toEqual(["Authority"]);
  });

  test.each([
    ["a party list that names the customer by its role", 'This Order Form is entered into between NordWolke Cloud SE ("NordWolke" or the "Provider") and Lindqvist GmbH (the "Customer") and is governed by the NordWolke terms (the "GTC").'],
    ["a role word given to the customer", 'This Addendum is entered into by and between Polar Software, Inc. ("Polar") and its customer ("Provider").'],
    ["no role word for the vendor", 'This Agreement is made between Globex Ltd ("Globex") and Initech Ltd ("Initech").'],
  ])("names no customer: %s", (_, preamble) => {
    expect(customerNamesInPartyList([preamble])).toEqual([]);
  });
});
