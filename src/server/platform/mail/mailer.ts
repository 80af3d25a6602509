/**
 * Sending one e-mail through the install's mail server (SINERGI_SMTP_URL). nodemailer is loaded only
 * when the first mail goes out, so an install without e-mail never loads it.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The connection settings in an SMTP URL; user and password may be percent-encoded. */
export function transportOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    // A mail server that hangs must not hold the job: the mail is tried again later.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  };
}

/** A sender over SMTP: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
export function smtpSender(settings: { smtpUrl: string; from: string }): MailSender {
  let transport: Promise<{ sendMail(m: object): Promise<unknown>; close(): void }> | undefined;
  const open = () => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(transportOptions(settings.smtpUrl)));
    return transport;
  };
  return {
    async send(mail) {
      await (await open()).sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}
