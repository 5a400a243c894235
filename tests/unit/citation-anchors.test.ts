import { describe, expect, it } from 'vitest';
import { anchorCitations } from '../../src/lib/server/content/citation-anchors';

describe('citation anchors in a rendered lesson', () => {
	it('gives the first link to each sentence an id and every link its sentence in the query', () => {
		const html = [
			'<p>One.<a class="cite" href="/sources/enc?from=origins#s-abc123" aria-label="source 1: Encyclopedia">1</a></p>',
			'<td><a href="/sources/news?from=origins#s-def456-2">News</a></td>',
			'<dd>Again.<a class="cite" href="/sources/enc?from=origins#s-abc123">1</a></dd>',
			'<a href="/sources/enc">The whole source</a>'
		].join('');
		const out = anchorCitations(html);
		expect(out).toContain('<a class="cite" href="/sources/enc?from=origins&amp;s=abc123#s-abc123" id="cite-abc123" aria-label="source 1: Encyclopedia">');
		expect(out).toContain('<a href="/sources/news?from=origins&amp;s=def456-2#s-def456-2" id="cite-def456-2">');
		// the second link to the same sentence: the query, but no second id
		expect(out).toContain('<a class="cite" href="/sources/enc?from=origins&amp;s=abc123#s-abc123">1</a></dd>');
		expect(out.match(/id="cite-abc123"/g)).toHaveLength(1);
		expect(out).toContain('<a href="/sources/enc">The whole source</a>');
	});
});
