import { describe, expect, it } from 'vitest';
import { anchorCitations, lessonReturnHref } from '../../src/lib/server/content/citation-anchors';
import { openDisclosureHolding } from '../../src/lib/content/rendered-lessons';

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

describe('"Back to the lesson" and the disclosure holding its sentence', () => {
	const section = [
		'<h2 id="s1-heading">Funding</h2><div class="key-points"><p>Key.<a class="cite" href="#" id="cite-key1">1</a></p></div>',
		'<details class="more"><summary>More from the sources (1 passage)</summary>',
		'<p>Passage.<a class="cite" href="#" id="cite-deep1">1</a> Again.<a class="cite" href="#">1</a></p></details>',
		'<table><tr><td>Figure.<a class="cite" href="#" id="cite-fig1">1</a></td></tr></table>'
	].join('');

	it('names the sentence in the query as well as the fragment, which never reaches the server', () => {
		expect(lessonReturnHref('origins', 'abc-1')).toBe('/lessons/origins?at=abc-1#cite-abc-1');
		expect(lessonReturnHref('origins', null)).toBe('/lessons/origins');
	});

	it('opens the disclosure when the sentence is inside it', () => {
		const out = openDisclosureHolding(section, 'deep1');
		expect(out).toContain('<details open class="more"><summary>');
		expect(out.match(/<details/g)).toHaveLength(1);
		// everything else as it was
		expect(out.replace('<details open', '<details')).toBe(section);
	});

	it('leaves the section alone for a sentence outside it, an unknown sentence, or a forged one', () => {
		expect(openDisclosureHolding(section, 'key1')).toBe(section);
		expect(openDisclosureHolding(section, 'fig1')).toBe(section);
		expect(openDisclosureHolding(section, 'nowhere')).toBe(section);
		expect(openDisclosureHolding(section, 'deep1" onclick="x')).toBe(section);
	});

	it('does not open a disclosure twice', () => {
		const opened = section.replace('<details class="more">', '<details class="more" open="">');
		expect(openDisclosureHolding(opened, 'deep1')).toBe(opened);
	});
});
