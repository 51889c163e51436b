import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on loopback for the tests: every message it accepts is
 * parsed (mailparser) and kept with its envelope recipients.
 */
export async function startSmtpSink(): Promise<{ url: string; messages: { to: string[]; mail: ParsedMail }[]; slowDown(ms: number): void; close(): Promise<void> }> {
  let delayMs = 0;
  const messages: { to: string[]; mail: ParsedMail }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    // No reverse DNS of the loopback client: a lookup on a closed network only adds waiting.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          // A slow server keeps a send in flight long enough for a concurrent run to reach the same user.
          if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
          messages.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    slowDown: (ms) => {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
