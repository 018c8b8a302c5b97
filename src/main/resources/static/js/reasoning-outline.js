// The outline beside the reader: one line per step of the reasoning, from its first words, built a step at a time as
// paragraphs close. A paragraph of a few words ("Hmm.", "Wait.") joins the step before it instead of taking a line.

import { element } from './dom.js';

const SHORT = 6;
const TITLE_WORDS = 12;

const FENCE = /^\s*(?:```|~~~)[^\n]*\n?/;

/** A step's line: its first words, without Markdown's marks ("Code: …" for a code block). */
export function stepTitle(text) {
	const code = FENCE.test(text);
	const words = text.replace(FENCE, '').replace(/[#*_`>$\\|[\]]+/g, ' ').trim().split(/\s+/);
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
		this.list.addEventListener('click', (event) => {
			const button = event.target.closest('.reader-step');
			if (button) onPick(button.paragraph);
		});
	}

	/** Adds a line for each new paragraph that starts a step ([{el, text}]), in one write. */
	add(paragraphs) {
		const lines = document.createDocumentFragment();
		for (const paragraph of paragraphs) {
			const words = paragraph.text.trim().split(/\s+/).length;
			if (words < SHORT && this.count > 0) continue;
			const button = element('button', 'reader-step', stepTitle(paragraph.text));
			button.type = 'button';
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
	}
}
