// Display rounding for scores (docs/scoring.md, "Rounding"). Numbers are kept
// at full precision everywhere; only text is rounded, and always *down* to one
// decimal, so a displayed score never overstates the real one and the band
// shown next to it always matches it (79.96 shows as 79.9 → Medium, never as
// 80.0 → Medium). The 1e-9 absorbs binary floating point noise, so a score
// that is mathematically 80 but computed as 79.99999999999999 still shows 80.0.

export const FLOAT_TOLERANCE = 1e-9;

/** "62.5", "80.0", "15.6" (15.625 rounded down). */
export function formatScore(value: number): string {
  return (Math.floor(value * 10 + FLOAT_TOLERANCE) / 10).toFixed(1);
}

/** Weights, caps and band limits as typed by the admin: "25", "12.5". */
export function formatLimit(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** Points earned: "6.5", "7". */
export function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** a >= b, allowing for floating point noise in a computed score. */
export function atLeast(a: number, b: number): boolean {
  return a + FLOAT_TOLERANCE >= b;
}
