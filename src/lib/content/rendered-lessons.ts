/**
 * Each lesson's generated body as HTML, rendered once per regeneration by the server's lesson
 * cache. The lesson page reads it in a universal load, which (with csr = false) runs only on the
 * server and is not serialized into the page, so a 10 KB body is not escaped into JSON on every
 * request. The content is public lesson text: nothing here is secret.
 */
const renderedBodies = new Map<string, string>();

export function setRenderedLessonBodies(bodies: ReadonlyMap<string, string>): void {
	renderedBodies.clear();
	for (const [id, html] of bodies) renderedBodies.set(id, html);
}

export function renderedLessonBody(id: string): string | undefined {
	return renderedBodies.get(id);
}
