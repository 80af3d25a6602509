/** Loads the demo regions' units and the demo accounts, once (recorded in app_meta). */
import { eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.ts';
import { appMeta, units, users } from '#server/db/schema.ts';
import { recordAudit } from '#server/features/audit/audit.queries.ts';
import { hashPassword } from '#server/features/auth/password.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_REGIONS } from './demo-data.ts';

const DEMO_KEY = 'demo_seeded';
const SYSTEM = { actor: null, origin: { ip: null, userAgent: 'sinergi-demo-seed', requestId: null } };

export async function seedDemo(db: Db, options: { onlyIfNew: boolean }): Promise<{ units: number; users: number } | null> {
  const [seeded] = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_KEY));
  if (seeded && options.onlyIfNew) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const existingUnits = await tx.select({ id: units.id, regionCode: units.regionCode, shortName: units.shortName }).from(units);
    const idOf = new Map(existingUnits.map((u) => [`${u.regionCode}/${u.shortName}`, u.id]));
    let unitCount = 0;
    for (const region of DEMO_REGIONS) {
      // Parents first: the data lists them before their children.
      for (const u of region.units) {
        const key = `${region.code}/${u.shortName}`;
        if (idOf.has(key)) continue;
        const parentId = u.parent ? idOf.get(`${region.code}/${u.parent}`) : undefined;
        const [created] = await tx
          .insert(units)
          .values({
            regionCode: region.code,
            kind: u.kind,
            name: u.name,
            shortName: u.shortName,
            headName: u.headName ?? null,
            parentId: parentId ?? null,
          })
          .returning({ id: units.id });
        if (created) idOf.set(key, created.id);
        unitCount++;
      }
      await recordAudit(tx, SYSTEM, {
        action: 'demo.seeded',
        entityType: 'region',
        entityId: region.code,
        regionCode: region.code,
        after: { units: region.units.length },
      });
    }
    const existingUsers = new Set((await tx.select({ username: users.username }).from(users)).map((u) => u.username));
    let userCount = 0;
    for (const a of DEMO_ACCOUNTS) {
      if (existingUsers.has(a.username)) continue;
      await tx.insert(users).values({
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        regionCode: a.regionCode,
        unitId: a.unit && a.regionCode ? (idOf.get(`${a.regionCode}/${a.unit}`) ?? null) : null,
        passwordHash,
      });
      userCount++;
    }
    await tx
      .insert(appMeta)
      .values({ key: DEMO_KEY, value: { at: new Date().toISOString() } })
      .onConflictDoNothing();
    return { units: unitCount, users: userCount };
  });
}
