import type { PortfolioBand } from "@/lib/domain/vendors/portfolio";

// Colour-blind-safe hues (blue, amber, vermillion, wine, grey) that differ in
// lightness too, each at least 3:1 against the white card (WCAG 1.4.11), and
// every chart also has a table, so colour never carries the meaning alone.
export const BAND_COLOURS: Record<PortfolioBand, string> = {
  low: "#0072b2",
  medium: "#9a6700",
  high: "#d55e00",
  critical: "#7a0019",
  none: "#6b6b6b",
};

export const SERIES_COLOUR = "#0072b2";
