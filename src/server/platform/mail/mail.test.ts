/**
 * E-mail through a real SMTP conversation: a local smtp-server on a free port receives what the outbox
 * job sends. An immediate mail (to, subject, body with the link), a daily digest (once a day however
 * often its job runs), and a mail server that refuses: the mail waits and goes out on a later run.
 */
import type { AddressInfo } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, notificationPreferences, notificationSettings, users } from '#server/db/schema.ts';
import { notify } from '#server/platform/notifications/notify.ts';
import { makeUnit, makeUser, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { queueDigests } from './digest.ts';
import { smtpSender, transportOptions } from './mailer.ts';
import { loadConfig } from '#server/config.ts';
import { createLogger } from '#server/logger.ts';
import { mailDispatch, sendDueMail } from './outbox.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let t: TestApp;
let server: SMTPServer;
let port: number;
const received: Received[] = [];
/** While set, the server refuses every message with a temporary error. */
let refusing = false;

const PUBLIC_URL = 'https://sinergi.pangkalpinangkota.go.id';

function subjectOf(raw: string): string {
  return /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1]?.replace(/\r\n[ \t]/g, ' ') ?? '';
}

/** The text body, with soft line breaks of quoted-printable undone. */
function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const qp = /Content-Transfer-Encoding: quoted-printable/i.test(raw);
  if (!qp) return body.replace(/\r\n/g, '\n');
  return Buffer.from(
    body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  )
    .toString('utf8')
    .replace(/\r\n/g, '\n');
}

async function makeRecipient(email: string, language: 'id' | 'en') {
  const unit = await makeUnit(t.db, '19.71');
  const user = await makeUser(t.db, { role: 'operator', regionCode: '19.71', unitId: unit.id });
  await t.db.update(users).set({ email }).where(eq(users.id, user.id));
  await t.db.insert(notificationSettings).values({ userId: user.id, language });
  return user;
}

const sender = () => smtpSender({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Sinergi Pangkalpinang <sinergi@pangkalpinangkota.go.id>' });

beforeAll(async () => {
  t = await startTestApp();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusing) {
          callback(Object.assign(new Error('Mailbox sementara tidak tersedia'), { responseCode: 451 }));
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

describe('e-mail from the outbox', () => {
  it('sends an immediate notification to the user, in their language, with the full link', async () => {
    const user = await makeRecipient('operator.dinkes@example.go.id', 'id');
    await t.db.transaction((tx) =>
      notify(tx, {
        recipients: [user.id],
        kind: 'innovation_returned',
        params: { innovation: 'Antrean Daring Puskesmas', actor: 'Rina Verifikator' },
        link: '/inovasi/1234',
        dedupeKey: 'mail-immediate',
      }),
    );
    received.length = 0;
    const s = sender();
    const report = await sendDueMail(t.db, s, { now: new Date(), publicUrl: PUBLIC_URL });
    s.close();
    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0, expired: 0 });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.to).toEqual(['operator.dinkes@example.go.id']);
    expect(mail?.from).toBe('sinergi@pangkalpinangkota.go.id');
    expect(subjectOf(mail?.raw ?? '')).toContain('Antrean Daring Puskesmas');
    const body = bodyOf(mail?.raw ?? '');
    expect(body).toContain('Rina Verifikator mengembalikan inovasi "Antrean Daring Puskesmas" untuk diperbaiki.');
    expect(body).toContain(`${PUBLIC_URL}/inovasi/1234`);
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id));
    expect(row?.status).toBe('sent');
    // Nothing left to send: a second run sends nothing.
    const again = await sendDueMail(t.db, sender(), { now: new Date(), publicUrl: PUBLIC_URL });
    expect(again.sent).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('sends one daily digest of the unread notifications of those who chose it, once a day', async () => {
    const user = await makeRecipient('kepala.bidang@example.go.id', 'en');
    await t.db.insert(notificationPreferences).values([
      { userId: user.id, kind: 'complaint_assigned', email: true, delivery: 'digest' },
      { userId: user.id, kind: 'innovation_returned', email: true, delivery: 'digest' },
    ]);
    await t.db.transaction(async (tx) => {
      await notify(tx, {
        recipients: [user.id],
        kind: 'complaint_assigned',
        params: { code: 'PKP7Q2', category: 'Jalan rusak', unit: 'Dinas PUPR', due: '10/03/2031' },
        link: '/pengaduan-masuk/abc',
      });
      await notify(tx, {
        recipients: [user.id],
        kind: 'innovation_returned',
        params: { innovation: 'E-Posyandu', actor: 'Rina' },
        link: '/inovasi/def',
      });
    });
    const now = new Date('2031-03-05T00:00:00Z'); // 07:00 WIB
    expect(await queueDigests(t.db, { now, publicUrl: PUBLIC_URL })).toBe(1);
    expect(await queueDigests(t.db, { now, publicUrl: PUBLIC_URL })).toBe(0);
    received.length = 0;
    const s = sender();
    await sendDueMail(t.db, s, { now: new Date(), publicUrl: PUBLIC_URL });
    s.close();
    const mine = received.filter((m) => m.to.includes('kepala.bidang@example.go.id'));
    expect(mine).toHaveLength(1);
    expect(subjectOf(mine[0]?.raw ?? '')).toBe('Sinergi daily digest: 2 unread notifications');
    const body = bodyOf(mine[0]?.raw ?? '');
    expect(body).toContain('Complaint PKP7Q2 for Dinas PUPR');
    expect(body).toContain(`${PUBLIC_URL}/pengaduan-masuk/abc`);
    expect(body).toContain('Innovation returned: E-Posyandu');
    expect(body).toContain(`${PUBLIC_URL}/notifikasi`);
  });

  it('keeps a mail the server refuses and sends it on a later run, after the wait', async () => {
    const user = await makeRecipient('sekretariat@example.go.id', 'id');
    await t.db.transaction((tx) =>
      notify(tx, {
        recipients: [user.id],
        kind: 'complaint_assigned',
        params: { code: 'RTY901', category: 'Sampah', unit: 'DLH', due: '01/04/2031' },
        link: '/pengaduan-masuk/r',
      }),
    );
    const start = new Date();
    refusing = true;
    received.length = 0;
    const first = await sendDueMail(t.db, sender(), { now: start, publicUrl: null });
    expect(first).toMatchObject({ sent: 0, retrying: 1 });
    const [waiting] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting?.lastError).toMatch(/451|tidak tersedia/);
    expect(waiting?.nextAttemptAt.getTime()).toBe(start.getTime() + 60_000);

    refusing = false;
    // Before the wait is over nothing is tried.
    expect((await sendDueMail(t.db, sender(), { now: new Date(start.getTime() + 30_000), publicUrl: null })).sent).toBe(0);
    const later = await sendDueMail(t.db, sender(), { now: new Date(start.getTime() + 61_000), publicUrl: null });
    expect(later.sent).toBe(1);
    expect(received.map((m) => m.to)).toEqual([['sekretariat@example.go.id']]);
    const [sent] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('sending at once', () => {
  /** Two notification mails of one person, queued in the outbox as `notify` writes them. */
  async function queued(email: string, codes: string[]) {
    const user = await makeRecipient(email, 'id');
    for (const code of codes) {
      await t.db.transaction((tx) =>
        notify(tx, {
          recipients: [user.id],
          kind: 'complaint_assigned',
          params: { code, category: 'Jalan', unit: 'PUPR', due: '01/05/2031' },
          link: `/pengaduan-masuk/${code}`,
        }),
      );
    }
    const rows = await t.db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id));
    return codes.map((code) => rows.find((r) => r.link === `/pengaduan-masuk/${code}`)?.id ?? '');
  }

  it('sends the mails it is given right away, and only those', async () => {
    const [first = '', second = ''] = await queued('segera@example.go.id', ['NOW001', 'LATER1']);
    const s = sender();
    const dispatch = mailDispatch(t.db, s, { publicUrl: PUBLIC_URL, log: createLogger('silent') });
    received.length = 0;
    dispatch.sendNow([first]);
    await dispatch.settled();
    s.close();
    expect(received.map((m) => subjectOf(m.raw))).toEqual([expect.stringContaining('NOW001')]);
    const rows = await t.db
      .select()
      .from(mailOutbox)
      .where(inArray(mailOutbox.id, [first, second]));
    expect(rows.find((r) => r.id === first)?.status).toBe('sent');
    expect(rows.find((r) => r.id === second)?.status).toBe('pending');
  });

  it('leaves a mail the server refused to the outbox job, and sends nothing without a mail server', async () => {
    const [refused = ''] = await queued('tertunda@example.go.id', ['WAIT01']);
    const s = sender();
    const dispatch = mailDispatch(t.db, s, { publicUrl: null, log: createLogger('silent') });
    refusing = true;
    received.length = 0;
    dispatch.sendNow([refused]);
    await dispatch.settled();
    refusing = false;
    s.close();
    expect(received).toHaveLength(0);
    const [waiting] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, refused));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    const [unsent = ''] = await queued('tanpa.server@example.go.id', ['NONE01']);
    const off = mailDispatch(t.db, undefined, { publicUrl: null, log: createLogger('silent') });
    off.sendNow([unsent]);
    await off.settled();
    const [still] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, unsent));
    expect(still).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('mail settings', () => {
  it('reads the SMTP URL, and without one e-mail is off', () => {
    expect(loadConfig({}).mail).toBeNull();
    const config = loadConfig({
      SINERGI_SMTP_URL: 'smtp://sinergi%40kota.go.id:rahasia%2Fku@mail.kota.go.id:587',
      SINERGI_MAIL_FROM: 'Sinergi <s@kota.go.id>',
    });
    expect(config.mail).toEqual({ smtpUrl: 'smtp://sinergi%40kota.go.id:rahasia%2Fku@mail.kota.go.id:587', from: 'Sinergi <s@kota.go.id>' });
    expect(transportOptions(config.mail?.smtpUrl ?? '')).toMatchObject({
      host: 'mail.kota.go.id',
      port: 587,
      secure: false,
      auth: { user: 'sinergi@kota.go.id', pass: 'rahasia/ku' },
    });
    expect(transportOptions('smtps://mail.kota.go.id')).toMatchObject({ port: 465, secure: true });
    expect(() => loadConfig({ SINERGI_SMTP_URL: 'http://mail.kota.go.id' })).toThrow(/SINERGI_SMTP_URL/);
    expect(() => loadConfig({ SINERGI_JOBS: 'maybe' })).toThrow(/SINERGI_JOBS/);
  });
});
