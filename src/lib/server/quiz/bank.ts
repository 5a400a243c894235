import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { questions } from '../db/schema';

/** How many active questions a lesson's quiz draws from. */
export async function questionBankSize(db: Database, lessonId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(questions)
		.where(and(eq(questions.lessonId, lessonId), eq(questions.active, true)));
	return row?.n ?? 0;
}
