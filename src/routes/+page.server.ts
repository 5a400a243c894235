import { listSources } from '$lib/server/sources';

export async function load() {
	return { sources: await listSources() };
}
