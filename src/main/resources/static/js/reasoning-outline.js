// The outline beside the reader: one line per step of the reasoning, from its first words, built a step at a time as
// paragraphs close. A paragraph of a few words ("Hmm.", "Wait.") joins the step before it instead of taking a line.
// The outline is one Tab stop however many steps it has (a roving tabindex, as in menu.js): ↑/↓, Home and End move
// between the steps, Enter jumps to one.

import { element } from './dom.js';

const SHORT = 6;
const TITLE_WORDS = 12;

const FENCE = /^\s*(?:```|~~~)[^\n]*\n?/;

/** A step's line: its first words, without Markdown's marks ("Code: …" for a code block). */
export function stepTitle(text) {
	const code = FENCE.test(text);
	// Emphasis and code marks go without a trace ("**Wait**," is "Wait,"); the rest part words.
	const words = text.replace(FENCE, '').replace(/[*`]+/g, '').replace(/[#_>$\\|[\]]+/g, ' ').trim().split(/\s+/);
	const title = words.slice(0, TITLE_WORDS).join(' ');
	return code ? `Code: ${title}` : title;
}

export class ReasoningOutline {
	/** onPick(paragraph element) is called when a person picks a step. */
	constructor(onPick) {
		this.el = element('nav', 'reader-outline');
		this.el.setAttribute('aria-label', 'Steps of the reasoning');
		this.list = element('ol', 'reader-steps');
		this.el.append(this.list);
		this.count = 0;
		/** The step that Tab reaches. */
		this.stop = null;
		this.list.addEventListener('click', (event) => {
			const button = event.target.closest('.reader-step');
			if (!button) return;
			this.rove(button);
			onPick(button.paragraph);
		});
		this.list.addEventListener('keydown', (event) => this.onKey(event));
	}

	onKey(event) {
		const steps = [...this.list.querySelectorAll('.reader-step')];
		const index = steps.indexOf(event.target);
		if (index < 0) return;
		const to = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: steps.length - 1 }[event.key];
		if (to === undefined) return;
		event.preventDefault();
		const step = steps[Math.max(0, Math.min(to, steps.length - 1))];
		this.rove(step);
		step.focus();
	}

	/** Makes step the outline's one Tab stop. */
	rove(step) {
		if (this.stop === step) return;
		if (this.stop) this.stop.tabIndex = -1;
		step.tabIndex = 0;
		this.stop = step;
	}

	/** Adds a line for each new paragraph that starts a step ([{el, text}]), in one write. */
	add(paragraphs) {
		const lines = document.createDocumentFragment();
		for (const paragraph of paragraphs) {
			const words = paragraph.text.trim().split(/\s+/).length;
			if (words < SHORT && this.count > 0) continue;
			const button = element('button', 'reader-step', stepTitle(paragraph.text));
			button.type = 'button';
			button.tabIndex = this.stop ? -1 : 0;
			this.stop ??= button;
			button.paragraph = paragraph.el;
			if (paragraph.turns.length) button.classList.add('has-turn');
			const item = element('li');
			item.append(button);
			lines.append(item);
			this.count++;
		}
		this.list.append(lines);
	}

	clear() {
		this.list.textContent = '';
		this.count = 0;
		this.stop = null;
	}
}
