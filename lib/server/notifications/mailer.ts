import nodemailer from "nodemailer";

// Outgoing email (README.md, "Configuration"): SMTP through nodemailer,
// configured by SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS on
// connect) and MAIL_FROM. Without SMTP_URL there is no mailer: notifications
// are still recorded and shown in the app's bell, and simply not emailed.

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  /** Closes the pooled connections (a run sends many emails over one or two). */
  close?(): void;
}

const DEFAULT_FROM = "Assay <assay@localhost>";

/** A mailer for an SMTP URL, or null when none is configured. */
export function createMailer(smtpUrl: string | undefined = process.env.SMTP_URL, from: string = process.env.MAIL_FROM || DEFAULT_FROM): Mailer | null {
  if (!smtpUrl) return null;
  // Pooled: a run's emails share a connection or two instead of one handshake each.
  const transport = nodemailer.createTransport(`${smtpUrl}${smtpUrl.includes("?") ? "&" : "?"}pool=true&maxConnections=2`);
  return {
    async send(email) {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text, html: email.html });
    },
    close: () => transport.close(),
  };
}

/**
 * The base of links in emails: APP_URL, else NEXTAUTH_URL (the public URL
 * sign-in already uses), else the local server.
 */
export function appBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.APP_URL || env.NEXTAUTH_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
}
