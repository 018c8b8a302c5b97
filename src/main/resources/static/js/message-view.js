// The DOM of one message: builds new ones (also from the API's JSON, the same DOM as message.html), and keeps
// an assistant message (saved or streaming) in step with its text. Markdown is rendered at most once per
// animation frame while text streams in.

import { applyAnswerEvent } from './answer-events.js';
import { appUrl } from './api.js';
import { copyButton } from './copy.js';
import { element } from './dom.js';
import { duration } from './format.js';
import { icon } from './icons.js';
import { renderInto } from './markdown.js';
import { labelThinker, relayLine, showRelay } from './relay-view.js';
import { metaLine, thinkingLine } from './summary.js';
import { ThinkingPanel } from './thinking-panel.js';

// Children of .assistant-body, in the order they appear.
const SLOTS = ['.relay-line', '.thinking', '.thinking-note', '.pending', '.answer', 'noscript', '.notice', '.status-label',
	'.error-box', '.message-footer'];

const views = new WeakMap();

/** The AssistantMessage that keeps article, if one does. */
export function viewOf(article) {
	return views.get(article) ?? null;
}

export function setMessageId(article, id) {
	if (!id) return;
	article.id = `m-${id}`;
	article.dataset.messageId = id;
}

/** A user's message, shown as plain text. */
export function createUserMessage(text) {
	const article = element('article', 'message message--user');
	article.dataset.role = 'user';
	article.dataset.status = 'COMPLETE';
	article.append(element('div', 'user-bubble', text));
	return article;
}

/** Copies a message's place among its versions (and what answered it) from the API's JSON onto its article. */
export function setBranchData(article, message) {
	const data = article.dataset;
	const siblings = message.siblings ?? {};
	const set = (key, value) => {
		if (value == null) delete data[key];
		else data[key] = String(value);
	};
	set('model', message.model);
	set('provider', message.provider);
	set('reasoningSetting', message.reasoningSetting);
	set('thinker', message.relay?.thinkerModel);
	set('siblingIndex', siblings.index ?? 1);
	set('siblingCount', siblings.count ?? 1);
	set('previousSiblingId', siblings.previousId);
	set('nextSiblingId', siblings.nextId);
}

/** A stored message from the API's JSON, as message.html renders it (Markdown still to render). */
export function buildMessage(message) {
	const user = message.role === 'user';
	const article = element('article', `message ${user ? 'message--user' : 'message--assistant'}`);
	setMessageId(article, message.id);
	article.dataset.role = user ? 'user' : 'assistant';
	article.dataset.status = message.status ?? 'COMPLETE';
	if (message.createdAt) article.dataset.createdAt = message.createdAt;
	setBranchData(article, message);
	if (user) {
		article.append(element('div', 'user-bubble', message.content ?? ''));
		return article;
	}
	const content = message.content ?? '';
	const reasoning = message.reasoning ?? '';
	const streaming = article.dataset.status === 'STREAMING';
	const summary = thinkingLine(message);
	const mark = element('img', 'assistant-mark');
	mark.src = appUrl('favicon.svg');
	mark.alt = '';
	mark.width = 28;
	mark.height = 28;
	const body = element('div', 'assistant-body');
	if (message.relay?.thinkerModel) {
		body.append(relayLine({ thinker: message.relay.thinkerModel, answerer: message.model,
			stage: streaming ? (content ? 'answering' : 'thinking') : 'done' }));
	}
	if (reasoning) {
		const panel = ThinkingPanel.create();
		panel.el.classList.remove('is-empty');
		panel.el.open = streaming && !content;
		panel.el.dataset.state = streaming ? (content ? 'folded' : 'live') : 'done';
		panel.label.textContent = summary ?? (streaming && !content ? 'Thinking…' : 'Thought process');
		panel.body.textContent = reasoning;
		body.append(panel.el);
	}
	else if (summary) {
		const note = element('p', 'thinking-note');
		note.append(icon('sparkle', 'thinking-icon'), element('span', 'thinking-label', summary));
		body.append(note);
	}
	body.append(element('div', 'answer markdown', content));
	if (message.finishReason === 'length') {
		body.append(element('p', 'notice notice--length',
			content ? 'The answer was cut off at the token limit' : 'The model ran out of tokens while thinking'));
	}
	if (article.dataset.status === 'STOPPED') body.append(element('p', 'status-label', 'Stopped'));
	if (article.dataset.status === 'FAILED') {
		const box = element('div', 'error-box');
		box.setAttribute('role', 'alert');
		const text = element('div');
		text.append(element('p', 'error-title', content ? 'The answer stopped early' : 'No answer'),
			element('p', 'error-message', message.error?.message ?? 'Something went wrong while the model was answering.'));
		box.append(icon('alert'), text);
		body.append(box);
	}
	const meta = metaLine(message);
	if (meta) footerOf(body, true).prepend(metaElement(meta));
	article.append(mark, body);
	return article;
}

function metaElement(text) {
	const meta = element('p', 'message-meta', text);
	meta.title = 'Model · provider · prompt / completion / reasoning tokens · cost · thinking time · total time';
	return meta;
}

/** The .message-footer of an assistant body (made when create is true and there is none). */
function footerOf(body, create) {
	let footer = body.querySelector(':scope > .message-footer');
	if (!footer && create) {
		footer = element('div', 'message-footer');
		body.append(footer);
	}
	return footer;
}

export class AssistantMessage {
	/** A new, empty assistant message, waiting for its stream; thinking as for begin(). */
	static create({ thinking = 'visible' } = {}) {
		const article = element('article', 'message message--assistant');
		article.dataset.role = 'assistant';
		article.dataset.status = 'STREAMING';
		article.dataset.createdAt = new Date().toISOString();
		const mark = element('img', 'assistant-mark');
		mark.src = appUrl('favicon.svg');
		mark.alt = '';
		mark.width = 28;
		mark.height = 28;
		const body = element('div', 'assistant-body');
		body.append(element('div', 'answer markdown'));
		article.append(mark, body);
		const view = new AssistantMessage(article);
		view.thinking = thinking;
		return view;
	}

	constructor(article) {
		views.set(article, this);
		this.el = article;
		this.body = article.querySelector('.assistant-body');
		this.answer = article.querySelector('.answer');
		const details = article.querySelector('.thinking');
		this.panel = details ? this.adoptPanel(new ThinkingPanel(details)) : null;
		this.reasoning = this.panel ? this.panel.body.textContent : '';
		this.content = this.answer.textContent;
		this.thinking = 'visible';
		this.startedAt = Date.parse(article.dataset.createdAt ?? '') || Date.now();
		this.frame = 0;
		this.contentDirty = false;
		this.reasoningDirty = false;
		/** Called after each render, so the page can keep the newest text in view. */
		this.onRender = null;
	}

	get id() {
		return this.el.dataset.messageId ?? null;
	}

	/** A saved message: render its Markdown once. */
	renderSaved() {
		if (this.panel) {
			this.panel.setHasText(Boolean(this.reasoning));
			this.panel.stale = true;
			if (this.panel.el.open) this.renderReasoning();
		}
		renderInto(this.answer, this.content);
	}

	/**
	 * Starts following a stream. thinking is 'visible', 'hidden' (the model thinks, nothing comes back)
	 * or 'none' (no reasoning asked for).
	 */
	begin({ startedAt = this.startedAt, thinking = this.thinking } = {}) {
		this.thinking = thinking;
		this.startedAt = startedAt;
		this.el.dataset.status = 'STREAMING';
		this.answer.classList.add('is-streaming');
		if (this.content) {
			this.panel?.fold();
		}
		else if (thinking !== 'none') {
			this.ensurePanel().live(startedAt);
		}
		else {
			this.showPending(true);
		}
		if (this.panel) this.panel.setHasText(Boolean(this.reasoning));
		this.renderSoon(true, true);
	}

	// ----- following a stream (Chat calls these) -----

	/** The start event's part about this answer: its id, its model, and who thinks for it in a relay. */
	started(data) {
		setMessageId(this.el, data.assistantMessageId);
		if (data.model) this.el.dataset.model = data.model;
		if (data.thinker) showRelay(this, data);
	}

	/** Applies one event of its stream; true once the answer has ended. */
	apply(event, data) {
		return Boolean(applyAnswerEvent(this, event, data));
	}

	/** What is left to follow after the connection dropped: this answer, unless it has ended. */
	unfinished() {
		return this.el.dataset.status === 'STREAMING' ? [this] : [];
	}

	/** The server is trying the model again before any text arrived: the thinking panel says so. */
	retrying(retry) {
		const panel = this.ensurePanel();
		if (panel.state !== 'live') panel.live(this.startedAt);
		this.showPending(false);
		panel.retrying(retry);
	}

	appendReasoning(text) {
		if (!text) return;
		this.reasoning += text;
		const panel = this.ensurePanel();
		panel.clearRetry();
		if (panel.state !== 'live' && !this.content) panel.live(this.startedAt);
		panel.setHasText(true);
		this.showPending(false);
		this.renderSoon(false, true);
	}

	appendContent(text) {
		if (!text) return;
		this.content += text;
		this.showPending(false);
		this.foldThinking();
		this.renderSoon(true, false);
	}

	/** Replaces both texts wholesale (the server re-attributed text, or we just attached). */
	snapshot(reasoning = '', content = '') {
		this.reasoning = reasoning ?? '';
		this.content = content ?? '';
		if (this.reasoning || this.content) this.panel?.clearRetry();
		if (this.reasoning) {
			const panel = this.ensurePanel();
			if (!this.content && panel.state !== 'live') panel.live(this.startedAt);
			panel.setHasText(true);
		}
		else {
			this.panel?.setHasText(false);
		}
		if (this.reasoning || this.content) this.showPending(false);
		if (this.content) this.foldThinking();
		this.renderSoon(true, true);
	}

	/** The done event: {status, usage, thinkingMillis, totalMillis, finishReason, thinkingSummary, metaLine}. */
	finish(done = {}) {
		this.settle(done.status ?? 'COMPLETE');
		const summary = done.thinkingSummary
			?? (done.thinkingMillis != null && this.reasoning ? `Thought for ${duration(done.thinkingMillis)}` : null);
		if (this.panel && this.reasoning) this.panel.finish(summary);
		else this.replaceEmptyPanel(done.thinkingSummary ?? null);
		if (done.finishReason === 'length') {
			this.addNotice(this.content
				? 'The answer was cut off at the token limit'
				: 'The model ran out of tokens while thinking', 'notice notice--length');
		}
		if (this.el.dataset.status === 'STOPPED' && !this.body.querySelector('.status-label')) {
			this.place(element('p', 'status-label', 'Stopped'));
		}
		if (this.el.dataset.status === 'FAILED') this.showError(null);
		if (done.metaLine) {
			const footer = this.body.querySelector('.message-footer') ?? this.place(element('div', 'message-footer'));
			const meta = footer.querySelector('.message-meta') ?? footer.insertAdjacentElement('afterbegin', metaElement(''));
			meta.textContent = done.metaLine;
		}
	}

	/** The error event: {code, message, retryable}. What arrived before it stays. */
	fail(error = {}) {
		this.settle('FAILED');
		if (this.panel && this.reasoning) this.panel.finish(null);
		else this.replaceEmptyPanel(null);
		this.showError(error.message, error.retryable);
	}

	/** The stream ended without done or error, and attaching again failed. */
	connectionLost() {
		this.settle(this.el.dataset.status);
		this.panel?.finish(null);
		if (this.body.querySelector('.notice--lost')) return;
		const notice = element('p', 'notice notice--lost', 'Lost the connection to this answer. ');
		const reload = element('a', null, 'Reload the page');
		reload.href = window.location.href;
		notice.append(reload, ' to see how it ends.');
		this.place(notice);
	}

	/** Takes a message that was never sent off the page. */
	discard() {
		this.panel?.stopTimer();
		if (this.frame) cancelAnimationFrame(this.frame);
		this.frame = 0;
		this.el.remove();
	}

	settle(status) {
		this.el.dataset.status = status;
		this.answer.classList.remove('is-streaming');
		this.showPending(false);
		this.flush();
	}

	showError(message, retryable = false) {
		let box = this.body.querySelector('.error-box');
		if (!box) {
			box = element('div', 'error-box');
			box.setAttribute('role', 'alert');
			const text = element('div');
			text.append(element('p', 'error-title'), element('p', 'error-message'));
			box.append(icon('alert'), text);
			this.place(box);
		}
		box.querySelector('.error-title').textContent = this.content ? 'The answer stopped early' : 'No answer';
		const line = box.querySelector('.error-message');
		if (message || !line.textContent) line.textContent = message || 'Something went wrong while the model was answering.';
		if (retryable && !box.querySelector('.error-hint')) {
			line.after(element('p', 'error-hint', 'This is usually temporary: send your message again in a moment.'));
		}
	}

	addNotice(text, className) {
		if ([...this.body.querySelectorAll('.notice')].some((n) => n.textContent === text)) return;
		this.place(element('p', className, text));
	}

	// ----- thinking panel -----

	ensurePanel() {
		if (!this.panel) {
			this.panel = this.adoptPanel(ThinkingPanel.create());
			this.body.querySelector('.thinking-note')?.remove();
			this.place(this.panel.el);
		}
		return this.panel;
	}

	adoptPanel(panel) {
		labelThinker(panel.el, this.el.dataset.thinker);
		panel.el.insertBefore(copyButton({ className: 'thinking-copy', label: 'Copy reasoning', text: () => this.reasoning,
			visibleLabel: true }), panel.body);
		// Reasoning of a folded panel is rendered when someone opens it, not on every token.
		panel.el.addEventListener('toggle', () => {
			if (panel.el.open && panel.stale) this.renderReasoning();
		});
		return panel;
	}

	foldThinking() {
		if (!this.panel || this.panel.state !== 'live') return;
		if (this.reasoning) this.panel.fold();
		else this.replaceEmptyPanel(null);
	}

	// A panel that never received any reasoning: for hidden reasoning, say how long the model thought;
	// otherwise there was no thinking to speak of, so the panel goes.
	replaceEmptyPanel(summary) {
		const panel = this.panel;
		let text = summary;
		if (!text && panel && this.thinking === 'hidden' && panel.startedAt != null) {
			text = `Thought for ${duration(Date.now() - panel.startedAt)}`;
		}
		if (panel) {
			panel.stopTimer();
			panel.el.remove();
			this.panel = null;
		}
		if (!text) return;
		let note = this.body.querySelector('.thinking-note');
		if (!note) {
			note = element('p', 'thinking-note');
			note.append(icon('sparkle', 'thinking-icon'), element('span', 'thinking-label'));
			this.place(note);
		}
		note.querySelector('.thinking-label').textContent = text;
	}

	showPending(show) {
		const pending = this.body.querySelector('.pending');
		if (show && !pending) {
			const dots = element('div', 'pending');
			dots.setAttribute('aria-label', 'Waiting for the answer');
			dots.append(element('span'), element('span'), element('span'));
			this.place(dots);
		}
		else if (!show) {
			pending?.remove();
		}
	}

	// ----- rendering -----

	renderSoon(content, reasoning) {
		this.contentDirty ||= content;
		this.reasoningDirty ||= reasoning;
		if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
	}

	flush() {
		if (this.frame) cancelAnimationFrame(this.frame);
		this.frame = 0;
		if (this.reasoningDirty && this.panel) {
			this.panel.stale = true;
			if (this.panel.el.open) this.renderReasoning();
		}
		if (this.contentDirty) renderInto(this.answer, this.content);
		this.reasoningDirty = false;
		this.contentDirty = false;
		this.onRender?.(this);
	}

	renderReasoning() {
		const panel = this.panel;
		const atBottom = panel.bodyAtBottom();
		renderInto(panel.body, this.reasoning);
		panel.stale = false;
		panel.followBody(atBottom);
	}

	/** Inserts node into .assistant-body at its slot's place; returns it. */
	place(node) {
		const slot = SLOTS.findIndex((selector) => node.matches(selector));
		const next = [...this.body.children].find((child) => SLOTS.findIndex((s) => child.matches(s)) > slot);
		this.body.insertBefore(node, next ?? null);
		return node;
	}
}
