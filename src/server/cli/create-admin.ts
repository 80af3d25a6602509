/** First account of an install: a national admin (or a regional admin with a region code). */
import { eq } from 'drizzle-orm';
import { userCreate } from '#shared/api/users.ts';
import type { Db } from '#server/db/client.ts';
import { regions, users } from '#server/db/schema.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { hashPassword, passwordRefusal } from '#server/platform/passwords.ts';

export async function createNationalAdmin(
  db: Db,
  opts: { username: string; name: string; email?: string | undefined; region?: string | undefined; password: string },
): Promise<string> {
  const role = opts.region ? 'admin_daerah' : 'admin_nasional';
  const parsed = userCreate.safeParse({
    username: opts.username,
    email: opts.email ?? null,
    displayName: opts.name,
    role,
    password: opts.password,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  // The first admin holds every key of the install: the same policy as any account, and no demo password.
  const refusal = await passwordRefusal(parsed.data.password, parsed.data);
  if (refusal) throw new Error(`password: ${refusal}`);
  if (opts.region) {
    const [found] = await db.select().from(regions).where(eq(regions.code, opts.region));
    if (!found) throw new Error(`Kode wilayah ${opts.region} tidak dikenal`);
  }
  const passwordHash = await hashPassword(parsed.data.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        username: parsed.data.username,
        email: parsed.data.email,
        displayName: parsed.data.displayName,
        role,
        regionCode: opts.region ?? null,
        passwordHash,
      })
      .returning({ id: users.id });
    if (!created) throw new Error('insert failed');
    await recordAudit(
      tx,
      { actor: null, origin: { ip: null, userAgent: 'sinergi-cli', requestId: null } },
      {
        action: 'user.created',
        entityType: 'user',
        entityId: created.id,
        regionCode: opts.region ?? null,
        after: { username: parsed.data.username, role, via: 'cli' },
      },
    );
    return created.id;
  });
}
