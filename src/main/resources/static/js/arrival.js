// Arriving at a message (/c/{id}?at={messageId}#m-{messageId}, a search hit): scroll to it and light it up for
// a moment. When the hit was in the reasoning, its thinking panel opens; the searched words are highlighted with
// the CSS Custom Highlight API, which leaves the DOM alone.

import { viewOf } from './message-view.js';
import { HIT_KEY } from './sidebar.js';

function readHit() {
	const saved = sessionStorage.getItem(HIT_KEY);
	sessionStorage.removeItem(HIT_KEY);
	try {
		return saved ? JSON.parse(saved) : null;
	}
	catch {
		return null;
	}
}

function highlightWords(scope, query) {
	if (!scope || !query || !window.CSS?.highlights || typeof Highlight === 'undefined') return;
	const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
	if (!words.length) return;
	const ranges = [];
	const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node.data.toLowerCase();
		for (const word of words) {
			for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
				const range = new Range();
				range.setStart(node, at);
				range.setEnd(node, at + word.length);
				ranges.push(range);
			}
		}
	}
	if (ranges.length) CSS.highlights.set('search-hit', new Highlight(...ranges));
}

/** Scrolls to the message named in the address, if there is one; true when it did. */
export function arriveAtMessage(follower) {
	const hash = window.location.hash;
	if (!hash.startsWith('#m-')) return false;
	const target = document.getElementById(decodeURIComponent(hash.slice(1)));
	if (!target?.classList.contains('message')) return false;

	const hit = readHit();
	if (hit && hit.messageId === target.dataset.messageId) {
		let scope = target.querySelector(target.dataset.role === 'user' ? '.user-bubble' : '.answer');
		if (hit.in === 'reasoning') {
			const view = viewOf(target);
			if (view?.panel) {
				view.panel.touched = true;
				view.panel.el.open = true;
				view.renderReasoning();
				scope = view.panel.body;
			}
		}
		highlightWords(scope, hit.query);
	}
	target.scrollIntoView({ block: 'start' });
	follower.setFollowing(follower.nearBottom());
	target.classList.add('is-target');
	const done = (event) => {
		if (event.target !== target) return;
		target.classList.remove('is-target');
		target.removeEventListener('animationend', done);
	};
	target.addEventListener('animationend', done);
	return true;
}
