import pino from "pino";

// One structured (JSON, one line per event) log for the server, on stdout
// where Docker, systemd or a supervisor collect it. Every line about a
// request carries its requestId: the id the user sees on an error page and in
// the x-request-id response header, so an operator can find the line.
// ASSAY_LOG_LEVEL: trace | debug | info (default) | warn | error | fatal | silent.

export const logger = pino({
  level: process.env.ASSAY_LOG_LEVEL || "info",
  base: { app: "assay" },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Never let a secret reach the log through a logged object.
  redact: { paths: ["*.password", "*.passwordHash", "*.secret", "*.token", "*.authorization", "*.cookie"], censor: "[redacted]" },
});

/** The header that carries a request's id, set by proxy.ts and returned to the client. */
export const REQUEST_ID_HEADER = "x-request-id";
