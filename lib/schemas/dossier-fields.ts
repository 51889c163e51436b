import { z } from "zod";
import { isCountryCode } from "@/lib/domain/reference/countries";

// Field builders shared by the dossier record schemas. They are shaped for
// react-hook-form as much as for the server: an empty text box arrives as ""
// and a cleared number input (valueAsNumber) as NaN, and both mean "not
// given" for optional fields. Dates stay "YYYY-MM-DD" strings (what
// <input type="date"> yields and what the JSON export carries).

export const DATE_FORMAT_MESSAGE = "Use a real date in the form YYYY-MM-DD";
export const DATETIME_FORMAT_MESSAGE = "Use a date and time like 2026-01-31T14:05:00Z";

/** Required calendar date, e.g. isoDate("Enter the audit period end date"). */
export function isoDate(requiredMessage: string) {
  return z
    .string({ error: requiredMessage })
    .trim()
    .min(1, requiredMessage)
    .pipe(z.iso.date({ error: DATE_FORMAT_MESSAGE }));
}

/** Optional calendar date; "" means not given. */
export function optionalIsoDate() {
  return z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.iso.date({ error: DATE_FORMAT_MESSAGE }).optional())
    .optional();
}

/** Required instant with a UTC offset ("Z" or "+05:30"). */
export function isoDateTime(requiredMessage: string) {
  return z
    .string({ error: requiredMessage })
    .trim()
    .min(1, requiredMessage)
    .pipe(z.iso.datetime({ offset: true, error: DATETIME_FORMAT_MESSAGE }));
}

/** Optional instant; "" means not given. */
export function optionalIsoDateTime() {
  return z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.iso.datetime({ offset: true, error: DATETIME_FORMAT_MESSAGE }).optional())
    .optional();
}

export function requiredText(message: string, max = 300) {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Keep this under ${max} characters`);
}

/** Optional free text; "" becomes undefined so the export has no empty strings. */
export function optionalText(max = 2000) {
  return z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => (v === "" ? undefined : v))
    .optional();
}

/** A list of short texts (attendees, follow-ups, carved-out sub-services); blanks dropped. */
export function textList(max = 300) {
  return z
    .array(z.string().trim().max(max, `Keep each entry under ${max} characters`))
    .transform((items) => items.filter((i) => i !== ""));
}

export function wholeNumber(message: string, min = 0) {
  return z
    .number({ error: message })
    .int("Enter a whole number")
    .min(min, min === 0 ? "This cannot be negative" : `Enter at least ${min}`);
}

/** Optional number: undefined or NaN (a cleared number input) mean unknown. */
export function optionalNumber(inner: z.ZodNumber) {
  return z
    .union([z.number(), z.nan()])
    .transform((v) => (Number.isNaN(v) ? undefined : v))
    .pipe(inner.optional())
    .optional();
}

export const percent = z
  .number({ error: "Enter a percentage" })
  .min(0, "A percentage cannot be negative")
  .max(100, "A percentage cannot exceed 100");

export function countryCode(message: string) {
  return z
    .string({ error: message })
    .trim()
    .toUpperCase()
    .refine((v): boolean => isCountryCode(v), message);
}

/** A reference to an uploaded evidence document; "" means none attached. */
export const optionalEvidenceId = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const recordId = z.string().trim().min(1, "Missing record id").max(64);
