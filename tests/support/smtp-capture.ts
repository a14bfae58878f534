// A real SMTP server for tests (smtp-server), keeping every message it accepts, parsed with
// mailparser. It can be stopped and started again on the same port to play an outage.
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { freePort } from "./store-server";

export type CapturedMail = ParsedMail & { envelopeTo: string[] };

export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  /** While true, messages are read but never answered: a send hangs, as with a stuck server. */
  stall = false;
  /** Messages received while stalled (never accepted). */
  stalled = 0;
  private server: SMTPServer | null = null;
  private constructor(readonly port: number) {}

  static async start(): Promise<SmtpCapture> {
    const capture = new SmtpCapture(await freePort());
    await capture.up();
    return capture;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Starts accepting mail (again) on the same port. */
  async up(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        if (this.stall) {
          this.stalled++;
          stream.resume(); // read it, never answer: the sender waits until its connection dies
          return;
        }
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) }));
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
  }

  /** Refuses connections from now on (the port is closed), like a mail server that is down. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Ends a stall for good: connections left hanging are closed with the server. */
  async close(): Promise<void> {
    this.stall = false;
    await this.down();
  }

  to(address: string): CapturedMail[] {
    return this.messages.filter((mail) => mail.envelopeTo.includes(address));
  }
}
