// The reader's search box: finds a phrase in the reasoning, highlights every place ("3 of 17"), Enter or ↓ for the
// next, Shift+Enter or ↑ for the previous, Esc clears. Highlights are CSS highlights over the text, never markup.

import { element } from './dom.js';
import { icon } from './icons.js';
import { paint, rangesOf } from './reasoning-highlights.js';

const MAX_HITS = 5000;

export class ReasoningSearch {
	/**
	 * scope: the element whose text is searched, less what matches skip (a selector); reveal(range): brings a hit
	 * into view.
	 */
	constructor(scope, reveal, { skip = null } = {}) {
		this.scope = scope;
		this.skip = skip;
		this.reveal = reveal;
		this.hits = [];
		this.current = [];
		this.index = -1;
		/** True when text arrived after the last search: the next step searches again. */
		this.stale = false;
		this.el = element('div', 'reader-search');
		this.el.setAttribute('role', 'search');
		this.input = element('input', 'reader-search-input');
		this.input.type = 'search';
		this.input.placeholder = 'Search the reasoning';
		this.input.setAttribute('aria-label', 'Search the reasoning');
		this.count = element('span', 'reader-count');
		this.count.setAttribute('aria-live', 'polite');
		this.previous = stepButton('previous', 'Previous match');
		this.next = stepButton('next', 'Next match');
		this.el.append(icon('search', 'reader-search-icon'), this.input, this.count, this.previous, this.next);
		this.input.addEventListener('input', () => this.find());
		this.input.addEventListener('keydown', (event) => this.onKey(event));
		this.previous.addEventListener('click', () => this.step(-1));
		this.next.addEventListener('click', () => this.step(1));
		this.show();
	}

	onKey(event) {
		if (event.key === 'Enter') {
			event.preventDefault();
			this.step(event.shiftKey ? -1 : 1);
		}
		else if (event.key === 'Escape' && this.input.value) {
			event.preventDefault();
			event.stopPropagation();
			this.input.value = '';
			this.find();
		}
	}

	find() {
		const query = this.input.value.trim();
		this.hits = paint('reasoning-hit', this.hits, query ? rangesOf(this.scope, query, MAX_HITS, this.skip) : []);
		this.stale = false;
		this.index = this.hits.length ? 0 : -1;
		this.show();
	}

	step(by) {
		if (this.stale) {
			const at = this.index;
			this.find();
			this.index = Math.min(Math.max(at, 0), this.hits.length - 1);
		}
		if (!this.hits.length) return;
		this.index = (this.index + by + this.hits.length) % this.hits.length;
		this.show();
	}

	show() {
		const hit = this.hits[this.index];
		this.current = paint('reasoning-hit-current', this.current, hit ? [hit] : []);
		const query = this.input.value.trim();
		this.count.textContent = !query ? '' : this.hits.length ? `${this.index + 1} of ${this.hits.length}` : 'No matches';
		this.previous.disabled = this.next.disabled = this.hits.length === 0;
		if (hit) this.reveal(hit);
	}

	clear() {
		this.hits = paint('reasoning-hit', this.hits, []);
		this.current = paint('reasoning-hit-current', this.current, []);
		this.index = -1;
	}
}

/** A small ↑ (previous) or ↓ (next) button; shared by the search and the turns of mind. */
export function stepButton(className, label) {
	const button = element('button', `action-button reader-${className}`);
	button.type = 'button';
	button.title = label;
	button.setAttribute('aria-label', label);
	button.append(icon('caret'));
	return button;
}
