// The DOM of one message: builds new ones from the parts the server renders into the page (message-parts.js), also
// from the API's JSON, and keeps an assistant message (saved or streaming) in step with its text. Markdown is rendered at most once per
// animation frame while text streams in.

import { applyAnswerEvent } from './answer-events.js';
import { attachmentList } from './attachment-view.js';
import { copyButton } from './copy.js';
import { duration } from './format.js';
import { renderInto } from './markdown.js';
import { part } from './message-parts.js';
import { writeSetting } from './reasoning-setting.js';
import { labelThinker, relayLine, showRelay } from './relay-view.js';
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

/** A user's message, shown as plain text, with the files it came with (the API's attachments) under it. */
export function createUserMessage(text, attachments = []) {
	const article = part('.message--user');
	const bubble = article.querySelector('.user-bubble');
	bubble.textContent = text;
	if (attachments.length) bubble.after(attachmentList(attachments));
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
	writeSetting(article, message.reasoningAsked);
	set('thinker', message.relay?.thinkerModel);
	set('siblingIndex', siblings.index ?? 1);
	set('siblingCount', siblings.count ?? 1);
	set('previousSiblingId', siblings.previousId);
	set('nextSiblingId', siblings.nextId);
}

/** A stored message from the API's JSON, as message.html renders it (Markdown still to render). */
export function buildMessage(message) {
	if (message.role === 'user') {
		const article = createUserMessage(message.content ?? '', message.attachments ?? []);
		describe(article, message);
		return article;
	}
	const article = part('.message--assistant');
	describe(article, message);
	const content = message.content ?? '';
	const reasoning = message.reasoning ?? '';
	const streaming = article.dataset.status === 'STREAMING';
	// The summary lines come worded by the server (AnswerSummary), in the API's JSON.
	const summary = message.thinkingSummary ?? null;
	const body = article.querySelector('.assistant-body');
	if (message.relay?.thinkerModel) {
		body.append(relayLine({ thinker: message.relay.thinkerModel, answerer: message.model,
			stage: streaming ? (content ? 'answering' : 'thinking') : 'done' }));
	}
	if (reasoning) {
		const panel = part('.thinking');
		panel.open = streaming && !content;
		panel.dataset.state = streaming ? (content ? 'folded' : 'live') : 'done';
		panel.querySelector('.thinking-label').textContent = summary ?? (streaming && !content ? 'Thinking…' : 'Thought process');
		panel.querySelector('.thinking-body').textContent = reasoning;
		body.append(panel);
	}
	else if (summary) {
		body.append(thinkingNote(summary));
	}
	const answer = part('.answer');
	answer.textContent = content;
	body.append(answer);
	if (message.finishReason === 'length') body.append(lengthNotice(Boolean(content)));
	if (article.dataset.status === 'STOPPED') body.append(part('.status-label'));
	if (article.dataset.status === 'FAILED') body.append(errorBox(Boolean(content), message.error?.message));
	const meta = message.metaLine ?? null;
	if (meta) footerOf(body, true).prepend(metaElement(meta));
	return article;
}

/** A stored message's id, status, time and place among its versions, from the API's JSON. */
function describe(article, message) {
	setMessageId(article, message.id);
	article.dataset.status = message.status ?? 'COMPLETE';
	if (message.createdAt) article.dataset.createdAt = message.createdAt;
	setBranchData(article, message);
}

function thinkingNote(text) {
	const note = part('.thinking-note');
	note.querySelector('.thinking-label').textContent = text;
	return note;
}

function lengthNotice(hasContent) {
	const notice = part('.notice--length');
	notice.textContent = hasContent ? 'The answer was cut off at the token limit' : 'The model ran out of tokens while thinking';
	return notice;
}

/** The box of a failed answer: message is the server's sentence (the part says something went wrong without one). */
function errorBox(hasContent, message) {
	const box = part('.error-box');
	if (hasContent) box.querySelector('.error-title').textContent = 'The answer stopped early';
	if (message) box.querySelector('.error-message').textContent = message;
	return box;
}

function metaElement(text) {
	const meta = part('.message-meta');
	meta.textContent = text;
	return meta;
}

/** The .message-footer of an assistant body (made when create is true and there is none). */
function footerOf(body, create) {
	let footer = body.querySelector(':scope > .message-footer');
	if (!footer && create) {
		footer = part('.message-footer');
		body.append(footer);
	}
	return footer;
}

export class AssistantMessage {
	/** A new, empty assistant message, waiting for its stream; thinking as for begin(). */
	static create({ thinking = 'visible' } = {}) {
		const article = part('.message--assistant');
		article.dataset.createdAt = new Date().toISOString();
		article.querySelector('.assistant-body').append(part('.answer'));
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
		if (done.finishReason === 'length' && !this.body.querySelector('.notice--length')) {
			this.place(lengthNotice(Boolean(this.content)));
		}
		if (this.el.dataset.status === 'STOPPED' && !this.body.querySelector('.status-label')) {
			this.place(part('.status-label'));
		}
		if (this.el.dataset.status === 'FAILED') this.showError(null);
		if (done.metaLine) {
			const footer = this.body.querySelector('.message-footer') ?? this.place(part('.message-footer'));
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
		const notice = part('.notice--lost');
		notice.querySelector('a').href = window.location.href;
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
		const box = this.body.querySelector('.error-box') ?? this.place(errorBox(Boolean(this.content), message));
		box.querySelector('.error-title').textContent = this.content ? 'The answer stopped early' : 'No answer';
		if (message) box.querySelector('.error-message').textContent = message;
		if (retryable && !box.querySelector('.error-hint')) box.querySelector('.error-message').after(part('.error-hint'));
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
			panel.keepPlace();
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
		const note = this.body.querySelector('.thinking-note');
		if (note) note.querySelector('.thinking-label').textContent = text;
		else this.place(thinkingNote(text));
	}

	showPending(show) {
		const pending = this.body.querySelector('.pending');
		if (show && !pending) {
			this.place(part('.pending'));
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
			this.panel.reader.count(this.reasoning);
			this.panel.stale = true;
			if (this.panel.el.open) this.renderReasoning();
		}
		if (this.contentDirty) renderInto(this.answer, this.content);
		this.reasoningDirty = false;
		this.contentDirty = false;
		this.onRender?.(this);
	}

	renderReasoning() {
		this.panel.show(this.reasoning);
	}

	/** Inserts node into .assistant-body at its slot's place; returns it. */
	place(node) {
		const slot = SLOTS.findIndex((selector) => node.matches(selector));
		const next = [...this.body.children].find((child) => SLOTS.findIndex((s) => child.matches(s)) > slot);
		this.body.insertBefore(node, next ?? null);
		return node;
	}
}
