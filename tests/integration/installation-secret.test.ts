import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { installationSecrets } from '../../src/lib/server/db/schema';
import { installationSecret, readOrCreateSecret } from '../../src/lib/server/installation-secret';
import { describeEachDatabase } from '../helpers/databases';

describeEachDatabase('the installation secret', (getDb) => {
	it('is made once, 32 random bytes, and every caller (and every later start) gets the same one', async () => {
		const { db } = getDb().handle;
		// servers starting together: only one insert wins, everyone reads the winner
		const secrets = await Promise.all([...Array.from({ length: 10 }, () => readOrCreateSecret(db, 'race')), installationSecret(db, 'race')]);
		expect(secrets[0]).toHaveLength(32);
		for (const secret of secrets) expect(secret.equals(secrets[0])).toBe(true);
		const rows = await db.select().from(installationSecrets).where(eq(installationSecrets.name, 'race'));
		expect(rows).toHaveLength(1);
		expect(Buffer.from(rows[0].value, 'base64url').equals(secrets[0])).toBe(true);
		// another name is another secret
		expect((await installationSecret(db, 'other')).equals(secrets[0])).toBe(false);
	});
});
