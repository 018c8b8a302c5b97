// The thinking panel: a <details class="thinking"> above an answer. States (data-state):
//   live   — open, reasoning arriving, summary "Thinking… 4 s" ticking each second ("Retrying… 1 of 3" while
//            the server tries the model again, the reason as the label's title)
//   folded — the answer has begun: closed, "Thought for 12 s"
//   done   — the answer is complete: the server's summary ("Thought for 12 s · 840 reasoning tokens")
// A person's own open/close always wins: once they toggle it, the panel stops folding itself.
// Open, the reasoning shows in a reader (reasoning-reader.js); live, the summary also counts words and tokens/s.

import { element } from './dom.js';
import { duration } from './format.js';
import { part } from './message-parts.js';
import { ReasoningReader } from './reasoning-reader.js';

export class ThinkingPanel {
	/** A new, empty panel (not yet in the page). */
	static create() {
		const details = part('.thinking');
		details.classList.add('is-empty');
		return new ThinkingPanel(details);
	}

	constructor(details) {
		this.el = details;
		this.label = details.querySelector('.thinking-label');
		this.body = details.querySelector('.thinking-body');
		this.timer = null;
		this.startedAt = null;
		this.touched = false;
		/** The server's retrying event while it tries the model again, until text arrives. */
		this.retry = null;
		/** True when the body's rendered Markdown lags behind the reasoning text (rendered on opening). */
		this.stale = false;
		this.reader = new ReasoningReader(this);
		this.stats = element('span', 'thinking-stats');
		this.label.after(this.stats);
		// Clicks on the summary (and Enter/Space, which click it) are the person's; programmatic
		// changes of `open` are not, so they can't be told apart in 'toggle'.
		details.querySelector('summary').addEventListener('click', (event) => {
			if (this.el.classList.contains('is-empty')) {
				event.preventDefault();
				return;
			}
			this.touched = true;
			this.holdPlace();
		});
	}

	// A person's open or close leaves the summary where it was on screen: the reader is tall, and a thread pinned to
	// its bottom would otherwise scroll on as it grows, taking the summary just clicked (and the reader's bar) off the
	// top. The thread stops following first, before any frame lays the reader out; its place is mended once the
	// reader is drawn (keepPlace, from the 'toggle' listener). Opening and folding by the stream itself don't do this,
	// so a live answer is still followed.
	holdPlace() {
		const summary = this.el.querySelector('summary');
		this.heldAt = summary.getBoundingClientRect().top;
		summary.dispatchEvent(new CustomEvent('ponder:hold-place', { bubbles: true }));
	}

	/** After a person's toggle has been drawn: scrolls back so that the summary is where it was when clicked. */
	keepPlace() {
		if (this.heldAt == null) return;
		const summary = this.el.querySelector('summary');
		const moved = summary.getBoundingClientRect().top - this.heldAt;
		this.heldAt = null;
		if (Math.abs(moved) >= 1) scrollerOf(this.el).scrollTop += moved;
	}

	get state() {
		return this.el.dataset.state ?? 'done';
	}

	set state(value) {
		this.el.dataset.state = value;
	}

	/** Open and tick "Thinking… N s", counting from startedAt (a Date.now() value). */
	live(startedAt = Date.now()) {
		this.state = 'live';
		this.startedAt = startedAt;
		if (!this.touched) this.el.open = true;
		this.stopTimer();
		const tick = () => {
			this.label.textContent = this.retry
				? `Retrying… ${this.retry.attempt} of ${this.retry.maxAttempts}`
				: `Thinking… ${duration(Date.now() - this.startedAt)}`;
			this.stats.textContent = this.retry ? '' : this.reader.liveLine();
		};
		this.tick = tick;
		tick();
		this.timer = setInterval(tick, 1000);
	}

	/** The server is trying the model again ({attempt, maxAttempts, delayMillis, code, message}). */
	retrying(retry) {
		this.retry = retry;
		this.label.title = retry.message ?? '';
		this.el.classList.add('is-retrying');
		if (this.state === 'live') this.tick();
	}

	/** Text arrived: the retries worked. */
	clearRetry() {
		if (!this.retry) return;
		this.retry = null;
		this.label.removeAttribute('title');
		this.el.classList.remove('is-retrying');
		if (this.state === 'live') this.tick();
	}

	/** The answer has begun: fold away. */
	fold() {
		this.clearRetry();
		if (this.state !== 'live') return;
		this.stopTimer();
		this.state = 'folded';
		this.stats.textContent = '';
		if (!this.touched) this.el.open = false;
		this.label.textContent = this.startedAt != null
			? `Thought for ${duration(Date.now() - this.startedAt)}`
			: 'Thought process';
		// No more reasoning will come: the reader closes its last paragraph, now or when it is next opened.
		if (this.reader.built) {
			if (this.el.open) this.show(this.reader.shown);
			else this.stale = true;
		}
	}

	/** The answer is complete; summary is the server's line, if it sent one. */
	finish(summary) {
		this.fold();
		this.stopTimer();
		this.state = 'done';
		if (!this.touched) this.el.open = false;
		if (summary) this.label.textContent = summary;
		else if (!this.label.textContent || this.label.textContent.startsWith('Thinking')) this.label.textContent = 'Thought process';
	}

	/** Whether there is reasoning to show (an empty panel can't be opened). */
	setHasText(hasText) {
		this.el.classList.toggle('is-empty', !hasText);
	}

	/** Shows the reasoning so far in the reader; final once no more will come. */
	show(reasoning) {
		const atBottom = this.bodyAtBottom();
		this.reader.render(reasoning, this.state !== 'live');
		this.stale = false;
		this.followBody(atBottom);
	}

	/** While live, keep the newest reasoning in view inside the capped body, unless scrolled up. */
	followBody(wasAtBottom) {
		const body = this.body;
		const overflowing = body.scrollHeight > body.clientHeight + 1;
		this.el.classList.toggle('is-overflowing', this.state === 'live' && overflowing);
		if (this.state === 'live' && wasAtBottom) body.scrollTop = body.scrollHeight;
	}

	bodyAtBottom() {
		const body = this.body;
		return body.scrollHeight - body.scrollTop - body.clientHeight < 24;
	}

	stopTimer() {
		if (this.timer != null) clearInterval(this.timer);
		this.timer = null;
	}
}

/** The nearest ancestor that scrolls vertically (the thread), else the page. */
function scrollerOf(el) {
	for (let node = el.parentElement; node; node = node.parentElement) {
		const { overflowY } = getComputedStyle(node);
		if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
	}
	return document.scrollingElement;
}
