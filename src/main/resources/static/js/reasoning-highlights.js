// Named CSS highlights (the Custom Highlight API) shared by every reader on the page: each reader adds and removes
// only its own ranges, so two open panels don't wipe each other's. Reasoning text is never rewritten to mark it.

const supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

function named(name) {
	let highlight = CSS.highlights.get(name);
	if (!highlight) {
		highlight = new Highlight();
		CSS.highlights.set(name, highlight);
	}
	return highlight;
}

/** Replaces the ranges this owner had in the highlight called name (an array that the owner keeps). */
export function paint(name, previous, next) {
	if (!supported) return next;
	const highlight = named(name);
	for (const range of previous) highlight.delete(range);
	// Ranges of answers taken off the page (another conversation opened) would otherwise stay forever.
	for (const range of highlight) if (!range.startContainer.isConnected) highlight.delete(range);
	for (const range of next) highlight.add(range);
	return next;
}

/**
 * Ranges over each place text occurs in scope's text nodes, case-insensitively (within one text node: a word
 * split by formatting, "**Wa**it", is not found); none inside elements that match skip (a selector).
 */
export function rangesOf(scope, text, limit = Infinity, skip = null) {
	const needle = text.toLowerCase();
	const ranges = [];
	if (!needle) return ranges;
	const walker = skip
		? document.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (node) => outside(node, skip))
		: document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node && ranges.length < limit; node = walker.nextNode()) {
		const haystack = node.data.toLowerCase();
		for (let at = haystack.indexOf(needle); at !== -1 && ranges.length < limit; at = haystack.indexOf(needle, at + needle.length)) {
			const range = new Range();
			range.setStart(node, at);
			range.setEnd(node, at + needle.length);
			ranges.push(range);
		}
	}
	return ranges;
}

/** A tree walker's filter: text nodes, but none under an element that matches skip (its whole subtree is passed). */
function outside(node, skip) {
	if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
	return node.matches(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
}
