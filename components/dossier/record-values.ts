import { currencyExponent } from "@/lib/domain/money";
import type { FieldSpec } from "./record-fields";

// Conversions between a stored record (the schema's shape) and what the form
// inputs hold. The form keeps the schema's field names so errors from zod and
// from the server land next to the right input.
// - datetime: inputs hold "YYYY-MM-DDTHH:mm" in UTC; the schema takes an ISO
//   instant. UTC both ways, so the server render and the browser agree and
//   the table shows exactly what was typed.
// - money: inputs hold major units (5000000); the schema takes integer minor
//   units of the chosen currency (500000000 for USD).
// - list: a textarea with one entry per line; the schema takes string[].

export type FormValues = Record<string, unknown>;

const UTC_INPUT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

/** ISO instant → the value of a datetime-local input, in UTC ("" when absent or unreadable). */
export function instantToUtcInput(value: unknown): string {
  if (typeof value !== "string" || value === "") return "";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return "";
  // Keep seconds only when there are some, so an edit never silently moves the instant.
  const iso = d.toISOString();
  return iso.slice(17, 19) === "00" ? iso.slice(0, 16) : iso.slice(0, 19);
}

/** A datetime-local value read as UTC → ISO instant; anything else is passed on for the schema to reject. */
export function utcInputToInstant(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const m = UTC_INPUT.exec(value.trim());
  if (!m) return value.trim();
  return `${m[1]}T${m[2]}${m[3] ?? ":00"}Z`;
}

/** Integer minor units → major units for the input; undefined when unknown. */
export function minorToMajor(minor: unknown, currency: string): number | undefined {
  if (typeof minor !== "number" || !Number.isFinite(minor)) return undefined;
  return minor / 10 ** currencyExponent(currency || "USD");
}

/** Major units typed in → integer minor units; NaN/undefined pass through for the schema's message. */
export function majorToMinor(major: unknown, currency: string): unknown {
  if (typeof major !== "number" || !Number.isFinite(major)) return major;
  return Math.round(major * 10 ** currencyExponent(currency || "USD"));
}

/** A message when a typed amount has more decimals than the currency has (0.005 USD), else null. */
export function moneyPrecisionError(major: unknown, currency: string): string | null {
  if (typeof major !== "number" || !Number.isFinite(major)) return null;
  const exponent = currencyExponent(currency || "USD");
  const minor = major * 10 ** exponent;
  if (Math.abs(minor - Math.round(minor)) < 1e-6) return null;
  return exponent === 0 ? `${currency} amounts have no decimals` : `Use at most ${exponent} decimals for ${currency}`;
}

export function currencyOf(values: FormValues, spec: FieldSpec, fallback: string): string {
  const raw = spec.currencyField ? values[spec.currencyField] : undefined;
  const code = typeof raw === "string" ? raw.trim().toUpperCase() : "";
  return /^[A-Z]{3}$/.test(code) ? code : fallback;
}

/** Stored record (or nothing, for a new one) → the form's default values. */
export function toFormValues(fields: readonly FieldSpec[], data: FormValues | undefined, defaults: { currency: string; fixed?: FormValues }): FormValues {
  const source: FormValues = { ...(data ?? {}) };
  if (!data && fields.some((f) => f.name === "currency")) source.currency = defaults.currency;
  const out: FormValues = {};
  for (const f of fields) {
    const v = source[f.name];
    switch (f.type) {
      case "datetime":
        out[f.name] = instantToUtcInput(v);
        break;
      case "money":
        out[f.name] = minorToMajor(v, currencyOf(source, f, defaults.currency));
        break;
      case "number":
        out[f.name] = typeof v === "number" ? v : undefined;
        break;
      case "checkbox":
        out[f.name] = v === true;
        break;
      case "multi-select":
      case "sites":
        out[f.name] = Array.isArray(v) ? v.map(String) : [];
        break;
      case "list":
        out[f.name] = Array.isArray(v) ? v.map(String).join("\n") : "";
        break;
      case "fixed":
        out[f.name] = defaults.fixed?.[f.name] ?? v ?? "";
        break;
      default:
        out[f.name] = typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
    }
  }
  return out;
}

/** Form values → the record the schema validates. Fields hidden by showWhen are left out. */
export function toSchemaValues(fields: readonly FieldSpec[], values: FormValues, fallbackCurrency: string): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    if (f.showWhen && !f.showWhen(values)) continue;
    const v = values[f.name];
    switch (f.type) {
      case "datetime":
        out[f.name] = utcInputToInstant(v);
        break;
      case "money":
        out[f.name] = majorToMinor(v, currencyOf(values, f, fallbackCurrency));
        break;
      case "checkbox":
        out[f.name] = v === true;
        break;
      case "list":
        out[f.name] = typeof v === "string" ? v.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "") : [];
        break;
      case "multi-select":
      case "sites":
        out[f.name] = Array.isArray(v) ? v : [];
        break;
      default:
        out[f.name] = v;
    }
  }
  return out;
}

/** "carvedOutSubservices.2" → "carvedOutSubservices": errors inside a list belong to its one input. */
export function fieldOfPath(path: string, fields: readonly FieldSpec[]): string | null {
  const first = path.split(".")[0] ?? "";
  return fields.some((f) => f.name === first) ? first : null;
}
