// The reader inside an open thinking panel, for reasoning of thousands of words: the text as its paragraphs, an
// outline of steps beside it (reasoning-outline.js), a search box (reasoning-search.js) and the turns of mind
// (reasoning-markers.js) marked in the margin and listed, with ↑/↓ to go from one to the next.
//
// It keeps up with a live stream by doing only new work: paragraphs are cut from the lines that arrived
// (reasoning-paragraphs.js), each rendered once when it closes; only the open paragraph at the end is redrawn, and
// turns are looked for in each paragraph once, when it closes. All of it runs in the message's animation frame
// (message-view.js). While the panel is folded the reader only counts words, for the live line in the summary.

import { element } from './dom.js';
import { count } from './format.js';
import { renderEachInto, renderInto } from './markdown.js';
import { findTurns } from './reasoning-markers.js';
import { paint, rangesOf } from './reasoning-highlights.js';
import { ReasoningOutline, stepTitle } from './reasoning-outline.js';
import { ParagraphCutter } from './reasoning-paragraphs.js';
import { ReasoningSearch, stepButton } from './reasoning-search.js';
import { dismissOnOutside } from './popover.js';

// Past this size the open paragraph is shown as text until it closes (Markdown of it every frame costs too much).
const TAIL_MARKDOWN_LIMIT = 3000;
// Tokens per second are estimated from characters (the stream carries no token counts until it is done): about
// four characters of English to a token, over the last few seconds.
const CHARS_PER_TOKEN = 4;
const RATE_WINDOW = 5000;

let readers = 0;

export class ReasoningReader {
	constructor(panel) {
		this.panel = panel;
		this.id = `reader-${++readers}`;
		this.counted = '';
		this.words = 0;
		this.inWord = false;
		this.samples = [];
		this.dom = null;
	}

	// ----- counting, folded or open -----

	/** Counts the words of text that arrived since the last call; cheap enough for every frame. */
	count(text) {
		if (!text.startsWith(this.counted)) {
			this.counted = '';
			this.words = 0;
			this.inWord = false;
			this.samples = [];
		}
		const tail = text.slice(this.counted.length);
		if (tail) {
			const runs = tail.match(/\S+/g)?.length ?? 0;
			this.words += this.inWord && /^\S/.test(tail) ? runs - 1 : runs;
			this.inWord = /\S$/.test(tail);
			this.counted = text;
		}
		this.sample();
	}

	/** Notes how much had arrived by now, a few times a second, for the rate over the last few seconds. */
	sample() {
		const now = performance.now();
		const last = this.samples.at(-1);
		if (!last || now - last.at >= 250) this.samples.push({ at: now, chars: this.counted.length });
		while (this.samples.length > 2 && now - this.samples[1].at > RATE_WINDOW) this.samples.shift();
	}

	/**
	 * "1,234 words · ≈ 38 tokens/s" while it streams; the rate over the last few seconds, up to now (so it falls
	 * when the model pauses), once a second's worth has been seen.
	 */
	liveLine() {
		if (!this.words) return '';
		this.sample();
		const first = this.samples[0];
		const last = this.samples.at(-1);
		const seconds = (last.at - first.at) / 1000;
		const words = this.wordCount();
		if (seconds < 1) return words;
		const rate = (last.chars - first.chars) / CHARS_PER_TOKEN / seconds;
		return `${words} · ≈ ${count(rate)} tokens/s`;
	}

	wordCount() {
		return `${count(this.words)} ${this.words === 1 ? 'word' : 'words'}`;
	}

	// ----- the open reader -----

	/** Whether the reader has been built (the panel was opened at least once). */
	get built() {
		return this.dom != null;
	}

	/** Brings the reader up to text (the whole reasoning so far); final once no more reasoning will come. */
	render(text, final) {
		this.count(text);
		if (!this.dom) this.build();
		if (!text.startsWith(this.shown)) this.restart();
		const closed = this.cutter.feed(text, final);
		if (closed.length) this.addParagraphs(text, closed);
		this.showTail(final ? '' : text.slice(this.cutter.openStart));
		this.shown = text;
		this.dom.words.textContent = this.wordCount();
		if (closed.length) this.search.stale = true;
	}

	// The panel's own .thinking-body becomes the text column, and keeps only the reasoning: the bar and the outline
	// go around it, so that what reads the body (tests, the copy button, search arrivals) reads the reasoning alone.
	build() {
		const root = element('div', 'reader');
		const bar = element('div', 'reader-bar');
		const columns = element('div', 'reader-columns');
		const text = this.panel.body;
		const outline = new ReasoningOutline((paragraph) => this.jumpTo(paragraph));
		outline.el.id = `${this.id}-steps`;
		const stepsToggle = element('button', 'action-button reader-steps-toggle', 'Steps');
		stepsToggle.type = 'button';
		stepsToggle.setAttribute('aria-expanded', 'false');
		stepsToggle.setAttribute('aria-controls', outline.el.id);
		stepsToggle.addEventListener('click', () => this.showSteps(!root.classList.contains('is-steps-open')));
		// The live tail is redrawn every frame: a hit in it would be gone by the next one.
		this.search = new ReasoningSearch(text, (range) => this.reveal(range), { skip: '.reader-tail' });
		const turns = this.buildTurns();
		const words = element('span', 'reader-words');
		// Said of a paragraph where the model changes course (its margin mark is a picture only).
		const turnNote = element('span', 'visually-hidden', 'Change of mind');
		turnNote.id = `${this.id}-turn-note`;
		bar.append(this.search.el, turns.el, stepsToggle, words, turnNote);
		text.before(root);
		text.classList.add('reader-text');
		// A scroll box the keyboard can reach (when the reasoning has no link or code block to tab to).
		text.tabIndex = 0;
		text.setAttribute('role', 'region');
		text.setAttribute('aria-label', 'Reasoning');
		columns.append(outline.el, text);
		root.append(bar, columns);
		this.dom = { root, text, outline, stepsToggle, turns, words, tail: null };
		this.panel.el.classList.add('has-reader');
		this.restart();
	}

	/** Forgets what is shown (the text was replaced, not extended) and starts again from nothing. */
	restart() {
		this.cutter = new ParagraphCutter();
		this.paragraphs = [];
		this.turns = [];
		this.turnIndex = -1;
		this.turnRanges = paint('reasoning-turn', this.turnRanges ?? [], []);
		this.currentTurn = paint('reasoning-turn-current', this.currentTurn ?? [], []);
		this.search.clear();
		this.shown = '';
		this.dom.text.textContent = '';
		this.dom.tail = null;
		this.dom.outline.clear();
		this.showTurns();
	}

	addParagraphs(text, spans) {
		const added = document.createDocumentFragment();
		const paragraphs = spans.map(({ start, end }) => {
			const source = text.slice(start, end);
			const el = element('div', 'reader-para markdown');
			el.tabIndex = -1;
			added.append(el);
			return { el, text: source, turns: findTurns(source) };
		});
		renderEachInto(paragraphs.map((paragraph) => paragraph.el), paragraphs.map((paragraph) => paragraph.text));
		if (this.dom.tail) this.dom.tail.before(added);
		else this.dom.text.append(added);
		const ranges = [];
		for (const paragraph of paragraphs) {
			this.paragraphs.push(paragraph);
			if (!paragraph.turns.length) continue;
			paragraph.el.classList.add('has-turn');
			paragraph.el.setAttribute('aria-describedby', `${this.id}-turn-note`);
			paragraph.el.dataset.turns = paragraph.turns.length;
			for (const turn of paragraph.turns) {
				const range = rangeOfTurn(paragraph, turn);
				if (range) ranges.push(range);
				this.turns.push({ paragraph, turn, range });
			}
		}
		if (ranges.length) this.turnRanges = paint('reasoning-turn', [], ranges).concat(this.turnRanges);
		this.dom.outline.add(paragraphs);
		if (paragraphs.some((paragraph) => paragraph.turns.length)) this.showTurns(paragraphs);
	}

	/** The open paragraph at the end: redrawn as it grows; text, not Markdown, once it is long. */
	showTail(source) {
		let tail = this.dom.tail;
		if (!source.trim()) {
			tail?.remove();
			this.dom.tail = null;
			return;
		}
		if (!tail) {
			tail = element('div', 'reader-para reader-tail markdown');
			this.dom.text.append(tail);
			this.dom.tail = tail;
		}
		if (source.length <= TAIL_MARKDOWN_LIMIT) {
			renderInto(tail, source);
		}
		else {
			tail.classList.remove('is-rendered');
			tail.textContent = source;
		}
	}

	// ----- turns of mind -----

	// The list is a button and a plain list, not a <details>: a second <summary> inside the panel's <details> would
	// be one too many for whoever looks for the panel's own. It floats over the text, so it closes like the other
	// popovers (a click outside, Esc with the focus back on its button) and whenever the reader moves elsewhere.
	buildTurns() {
		const el = element('div', 'reader-turns');
		const summary = element('button', 'reader-turn-summary');
		summary.type = 'button';
		summary.setAttribute('aria-expanded', 'false');
		const items = element('ol', 'reader-turn-items');
		items.id = `${this.id}-turns`;
		items.hidden = true;
		summary.setAttribute('aria-controls', items.id);
		let stopListening = null;
		const showList = (open, returnFocus = false) => {
			if (open === !items.hidden) return;
			items.hidden = !open;
			summary.setAttribute('aria-expanded', String(open));
			stopListening?.();
			stopListening = null;
			// Placed by CSS under its button, so a resize (a phone's toolbar) needs nothing done.
			if (open) stopListening = dismissOnOutside(items, summary, (byKeyboard) => showList(false, byKeyboard), () => {});
			if (returnFocus) summary.focus();
		};
		summary.addEventListener('click', () => showList(items.hidden));
		const position = element('span', 'reader-count');
		position.setAttribute('aria-live', 'polite');
		const previous = stepButton('previous', 'Previous change of mind');
		const next = stepButton('next', 'Next change of mind');
		previous.addEventListener('click', () => this.stepTurn(-1));
		next.addEventListener('click', () => this.stepTurn(1));
		items.addEventListener('click', (event) => {
			const button = event.target.closest('.reader-turn');
			if (!button) return;
			showList(false);
			this.goToTurn(Number(button.dataset.index));
		});
		el.append(summary, items, position, previous, next);
		return { el, summary, items, position, close: () => showList(false) };
	}

	/** Updates the count, and lists the turns of the newly added paragraphs. */
	showTurns(paragraphs = []) {
		const { el, summary, items, position } = this.dom.turns;
		const total = this.turns.length;
		el.hidden = total === 0;
		summary.textContent = `${count(total)} ${total === 1 ? 'change' : 'changes'} of mind`;
		position.textContent = this.turnIndex >= 0 ? `${this.turnIndex + 1} of ${total}` : '';
		if (!paragraphs.length) {
			items.textContent = '';
			return;
		}
		const added = document.createDocumentFragment();
		let index = items.childElementCount;
		for (const paragraph of paragraphs) {
			for (const turn of paragraph.turns) {
				const button = element('button', 'reader-turn', stepTitle(paragraph.text.slice(turn.index)));
				button.type = 'button';
				button.dataset.index = index++;
				const item = element('li');
				item.append(button);
				added.append(item);
			}
		}
		items.append(added);
	}

	stepTurn(by) {
		this.dom.turns.close();
		if (!this.turns.length) return;
		const next = this.turnIndex < 0 && by < 0 ? this.turns.length - 1 : this.turnIndex + by;
		this.goToTurn((next + this.turns.length) % this.turns.length);
	}

	goToTurn(index) {
		const target = this.turns[index];
		if (!target) return;
		this.turnIndex = index;
		this.currentTurn = paint('reasoning-turn-current', this.currentTurn, target.range ? [target.range] : []);
		this.dom.turns.position.textContent = `${index + 1} of ${this.turns.length}`;
		this.jumpTo(target.paragraph.el);
	}

	// ----- moving around -----

	/** Scrolls the reasoning to a paragraph and gives it focus (from the outline or the list of turns). */
	jumpTo(paragraph) {
		const text = this.dom.text;
		text.scrollTop = paragraph.offsetTop - 6;
		paragraph.focus({ preventScroll: true });
		this.showSteps(false);
		this.keepInView();
	}

	/** Scrolls the reasoning so that range (a search hit) is in view, a third of the way down. */
	reveal(range) {
		const text = this.dom.text;
		const box = text.getBoundingClientRect();
		const at = range.getBoundingClientRect();
		if (at.top < box.top || at.bottom > box.bottom) text.scrollTop += at.top - box.top - text.clientHeight / 3;
		this.keepInView();
	}

	/** Keeps the reader (its bar too, when there is room) in the page's view after a jump. */
	keepInView() {
		const { root, text } = this.dom;
		const fits = root.offsetHeight < window.innerHeight * 0.7;
		(fits ? root : text).scrollIntoView({ block: 'nearest' });
	}

	/** On a narrow panel the outline is behind the "Steps" button. */
	showSteps(open) {
		if (open) this.dom.turns.close();
		this.dom.root.classList.toggle('is-steps-open', open);
		this.dom.stepsToggle.setAttribute('aria-expanded', String(open));
	}
}

/** The range over a turn's phrase in its rendered paragraph: the same occurrence of the phrase as in its text. */
function rangeOfTurn(paragraph, turn) {
	const phrase = turn.phrase.toLowerCase();
	const before = paragraph.text.slice(0, turn.index).toLowerCase();
	let nth = 0;
	for (let at = before.indexOf(phrase); at !== -1; at = before.indexOf(phrase, at + phrase.length)) nth++;
	return rangesOf(paragraph.el, phrase, nth + 1)[nth] ?? null;
}
