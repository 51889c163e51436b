// Money is integer minor units plus an ISO 4217 code (architecture.md); this
// only turns it into words for findings and PDFs.

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY). */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "$5,000,000.00", "€250,000.00"; unknown codes fall back to "XYZ 1,234.00". */
export function formatMoney(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const major = minor / 10 ** exponent;
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    }).format(major);
  } catch {
    return `${currency} ${major.toLocaleString("en-US", { minimumFractionDigits: exponent, maximumFractionDigits: exponent })}`;
  }
}
