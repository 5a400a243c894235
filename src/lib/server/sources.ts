import { asc } from 'drizzle-orm';
import { appDb } from './db';
import { sources } from './db/schema';

export interface SourceSummary {
	id: string;
	title: string;
	publisher: string;
	kind: string;
	published: string;
	license: string;
}

export async function listSources(): Promise<SourceSummary[]> {
	return appDb()
		.select({
			id: sources.id,
			title: sources.title,
			publisher: sources.publisher,
			kind: sources.kind,
			published: sources.published,
			license: sources.license
		})
		.from(sources)
		.orderBy(asc(sources.fileName));
}
