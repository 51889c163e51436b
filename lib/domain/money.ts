// Money is integer minor units plus an ISO 4217 code (README.md, Architecture); this
// only turns it into words for findings and PDFs.
//
// Building an Intl.NumberFormat costs far more than formatting with one (the
// findings engine formats money for every vendor), so each currency's
// formatter is built once and reused. Formatting is a pure function of the
// options, so reuse cannot change a result.

interface CurrencyFormat {
  exponent: number;
  /** null when Intl rejects the currency code (formatMoney then falls back). */
  formatter: Intl.NumberFormat | null;
}

// Bounded so a stream of odd codes cannot grow it for ever.
const MAX_CACHED = 64;
const currencyFormats = new Map<string, CurrencyFormat>();
const fallbackFormats = new Map<number, Intl.NumberFormat>();

function currencyFormat(currency: string): CurrencyFormat {
  let cached = currencyFormats.get(currency);
  if (cached === undefined) {
    let exponent = 2;
    try {
      exponent = new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      exponent = 2;
    }
    let formatter: Intl.NumberFormat | null = null;
    try {
      formatter = new Intl.NumberFormat("en-US", {
        style: "currency",
        currency,
        minimumFractionDigits: exponent,
        maximumFractionDigits: exponent,
      });
    } catch {
      formatter = null;
    }
    cached = { exponent, formatter };
    if (currencyFormats.size >= MAX_CACHED) currencyFormats.clear();
    currencyFormats.set(currency, cached);
  }
  return cached;
}

function fallbackFormat(exponent: number): Intl.NumberFormat {
  let format = fallbackFormats.get(exponent);
  if (format === undefined) {
    format = new Intl.NumberFormat("en-US", { minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    fallbackFormats.set(exponent, format);
  }
  return format;
}

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY). */
export function currencyExponent(currency: string): number {
  return currencyFormat(currency).exponent;
}

/** "$5,000,000.00", "€250,000.00"; unknown codes fall back to "XYZ 1,234.00". */
export function formatMoney(minor: number, currency: string): string {
  const { exponent, formatter } = currencyFormat(currency);
  const major = minor / 10 ** exponent;
  if (formatter !== null) return formatter.format(major);
  return `${currency} ${fallbackFormat(exponent).format(major)}`;
}
