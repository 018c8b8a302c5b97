// Search hits in the sidebar, the same DOM as sidebar.html renders: each conversation's title, then where it
// matched ("In reasoning", "In answer", …) with an excerpt whose matched words are <mark>ed. Excerpts are text:
// the marks are built as nodes, never parsed as HTML.

import { appUrl } from './api.js';

const TAGS = {
	title: 'In title',
	systemPrompt: 'In system prompt',
	question: 'In your message',
	answer: 'In answer',
	reasoning: 'In reasoning',
};

/** Sorted, merged, in-bounds [start, end) ranges. */
function normalise(marks, length) {
	const ranges = (marks ?? [])
		.map(([start, end]) => [Math.max(0, Math.min(start, length)), Math.max(0, Math.min(end, length))])
		.filter(([start, end]) => end > start)
		.sort((a, b) => a[0] - b[0]);
	const merged = [];
	for (const range of ranges) {
		const last = merged[merged.length - 1];
		if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
		else merged.push([...range]);
	}
	return merged;
}

/** The excerpt as text nodes and <mark> elements. */
export function markedText(excerpt, marks) {
	const text = excerpt ?? '';
	const fragment = document.createDocumentFragment();
	let at = 0;
	for (const [start, end] of normalise(marks, text.length)) {
		if (start > at) fragment.append(text.slice(at, start));
		const mark = document.createElement('mark');
		mark.textContent = text.slice(start, end);
		fragment.append(mark);
		at = end;
	}
	if (at < text.length) fragment.append(text.slice(at));
	return fragment;
}

function span(className, content) {
	const node = document.createElement('span');
	node.className = className;
	if (typeof content === 'string') node.textContent = content;
	else if (content) node.append(content);
	return node;
}

function tag(where) {
	const node = span('search-tag', TAGS[where] ?? where);
	node.dataset.in = where;
	return node;
}

/** One conversation's hit: {id, title, matches: [{messageId, in, excerpt, marks}]}. */
export function hitElement(result) {
	const item = document.createElement('li');
	item.className = 'search-hit';
	item.dataset.conversationId = result.id;
	const path = `c/${encodeURIComponent(result.id)}`;
	const matches = result.matches ?? [];
	const inTitle = matches.find((m) => m.in === 'title');

	const title = document.createElement('a');
	title.className = 'search-hit-title';
	title.href = appUrl(path);
	title.append(inTitle ? span('search-hit-name', markedText(inTitle.excerpt, inTitle.marks))
		: span('search-hit-name', result.title || 'Untitled'));
	if (inTitle) title.append(tag('title'));
	item.append(title);

	for (const match of matches) {
		if (match.in === 'title') continue;
		const link = document.createElement('a');
		link.className = 'search-match';
		link.dataset.in = match.in;
		if (match.messageId) {
			link.dataset.messageId = match.messageId;
			link.href = `${appUrl(`${path}?at=${encodeURIComponent(match.messageId)}`)}#m-${match.messageId}`;
		} else {
			// The system prompt belongs to the whole conversation: its link opens it.
			link.href = appUrl(path);
		}
		link.append(tag(match.in), span('search-excerpt', markedText(match.excerpt, match.marks)));
		item.append(link);
	}
	return item;
}
