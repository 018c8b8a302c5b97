// One question answered side by side: two to four columns (a model, a reasoning level or a relay each) that stream
// at once, each with its own thinking panel, timer and meta line, and a column's failure its own. The person picks
// the answer that continues the conversation ("Continue with this"); the others stay as branches. The same DOM
// comes from the server (relay/compare.html), from the API's JSON (buildCompare) and for a compare being sent.

import { applyAnswerEvent } from './answer-events.js';
import { api, ApiError } from './api.js';
import { copyButton } from './copy.js';
import { element } from './dom.js';
import { duration } from './format.js';
import { icon } from './icons.js';
import { setBusy } from './message-actions.js';
import { AssistantMessage, buildMessage, createUserMessage, setMessageId } from './message-view.js';
import { showRelay } from './relay-view.js';
import { readJsonEvents } from './stream.js';

const LEVELS = { xhigh: 'extra high', high: 'high', medium: 'medium', low: 'low', minimal: 'minimal', none: 'off',
	hidden: 'hidden' };

const views = new WeakMap();

export function isCompare(article) {
	return article.classList.contains('message--compare');
}

/** The CompareView that keeps article, if one does. */
export function compareViewOf(article) {
	return views.get(article) ?? null;
}

/** "reasoning high", "reasoning budget 4096 tokens", as the page words a column's level. */
function levelWords(setting) {
	if (!setting) return 'reasoning default';
	if (LEVELS[setting]) return `reasoning ${LEVELS[setting]}`;
	const budget = /^max_tokens:(\d+)$/.exec(setting);
	return budget ? `reasoning budget ${budget[1]} tokens` : 'reasoning default';
}

/** A column's heading: its number, its model, and how it thought. */
function buildHead({ number, model, thinker, setting }) {
	const head = element('header', 'compare-head');
	const badge = element('span', 'compare-number', String(number));
	badge.setAttribute('aria-hidden', 'true');
	const what = element('div', 'compare-what');
	what.append(element('p', 'compare-model', model ?? 'default model'));
	const how = element('p', 'compare-how');
	if (thinker) how.append('thinking by ', element('span', 'compare-thinker', thinker));
	else how.textContent = levelWords(setting);
	what.append(how);
	const timer = element('span', 'compare-timer');
	timer.setAttribute('aria-label', 'Time');
	head.append(badge, what, timer);
	return head;
}

function buildSection({ id, status, createdAt, model, thinker, column, setting, totalMillis }) {
	const section = element('section', 'compare-column');
	if (id) {
		section.id = `col-${id}`;
		section.dataset.messageId = id;
	}
	Object.assign(section.dataset, { status, createdAt, column: String(column) });
	if (model) section.dataset.model = model;
	if (thinker) section.dataset.thinker = thinker;
	if (setting) section.dataset.reasoningSetting = setting;
	if (totalMillis != null) section.dataset.totalMillis = String(totalMillis);
	section.setAttribute('aria-label', `Answer ${column + 1}: ${model ?? 'default model'}`);
	section.append(buildHead({ number: column + 1, model, thinker, setting }));
	return section;
}

function buildArticle(count) {
	const article = element('article', 'message message--compare');
	article.dataset.role = 'assistant';
	const group = element('div', 'compare');
	group.dataset.columns = String(count);
	group.setAttribute('role', 'group');
	group.setAttribute('aria-label', `${count} answers side by side`);
	article.append(group);
	return article;
}

/** A stored compare from the API's JSON: message is the answer followed, columns all of them in column order. */
export function buildCompare(message, columns) {
	const article = buildArticle(columns.length);
	setMessageId(article, message.id);
	article.dataset.status = message.status ?? 'COMPLETE';
	article.dataset.model = message.model ?? '';
	for (const column of columns) {
		const section = buildSection({ id: column.id, status: column.status ?? 'COMPLETE', createdAt: column.createdAt,
			model: column.model, thinker: column.relay?.thinkerModel, column: column.compare?.column ?? 0,
			setting: column.reasoningSetting, totalMillis: column.totalMillis });
		const built = buildMessage({ ...column, siblings: null });
		section.append(built.querySelector('.assistant-body'), element('div', 'compare-foot'));
		article.firstElementChild.append(section);
	}
	return article;
}

/** Fetches the columns of every compare in a conversation's JSON: a map from answer id to its columns. */
export async function loadCompareColumns(conversation) {
	const compares = conversation.messages.filter((message) => message.compare);
	const entries = await Promise.all(compares.map(async (message) => {
		try {
			return [String(message.id), await api.compare(message.id)];
		}
		catch {
			return [String(message.id), [message]];
		}
	}));
	return new Map(entries);
}

/** One column: its section, the AssistantMessage that keeps its body, and its timer. */
class Column {
	constructor(section) {
		this.el = section;
		this.view = new AssistantMessage(section);
		this.timer = section.querySelector('.compare-timer');
		this.ended = section.dataset.status !== 'STREAMING';
		this.startedAt = Date.parse(section.dataset.createdAt ?? '') || Date.now();
		if (this.ended && section.dataset.totalMillis) this.showTime(Number(section.dataset.totalMillis));
	}

	get id() {
		return this.el.dataset.messageId ?? null;
	}

	setId(id) {
		if (!id || this.id === String(id)) return;
		this.el.id = `col-${id}`;
		this.el.dataset.messageId = id;
	}

	showTime(millis) {
		if (this.timer) this.timer.textContent = duration(millis);
	}

	tick() {
		if (!this.ended) this.showTime(Date.now() - this.startedAt);
	}

	end(totalMillis) {
		if (this.ended) return;
		this.ended = true;
		this.showTime(totalMillis ?? Date.now() - this.startedAt);
	}
}

export class CompareView {
	/** A compare being sent: one empty, streaming column per set-up ({model, relay}). */
	static create(setups, defaultModel) {
		const article = buildArticle(setups.length);
		article.dataset.status = 'STREAMING';
		const now = new Date().toISOString();
		setups.forEach((setup, column) => {
			const section = buildSection({ status: 'STREAMING', createdAt: now, model: setup.model || defaultModel,
				thinker: setup.relay?.thinker, column, setting: setup.relay ? null : settingOf(setup.reasoning) });
			const body = element('div', 'assistant-body');
			body.append(element('div', 'answer markdown'));
			section.append(body, element('div', 'compare-foot'));
			article.firstElementChild.append(section);
		});
		return new CompareView(article);
	}

	constructor(article) {
		views.set(article, this);
		this.el = article;
		this.columns = [...article.querySelectorAll('.compare-column')].map((section) => new Column(section));
		this.questionId = null;
		this.adopted = false;
		this.clock = 0;
	}

	/** The question: stopping it stops every column. */
	get id() {
		if (this.questionId) return this.questionId;
		const previous = this.el.previousElementSibling;
		return previous?.dataset.role === 'user' ? previous.dataset.messageId ?? null : null;
	}

	get running() {
		return this.columns.some((column) => !column.ended);
	}

	renderSaved() {
		for (const column of this.columns) {
			if (column.ended) column.view.renderSaved();
		}
	}

	/** Starts following the columns still running; onRender after each render (to keep the newest in view). */
	begin(onRender) {
		for (const column of this.columns) {
			if (column.ended) {
				column.view.renderSaved();
				continue;
			}
			column.view.onRender = onRender;
			column.view.begin({ startedAt: column.startedAt, thinking: 'visible' });
			if (column.el.dataset.thinker) showRelay(column.view, { thinker: column.el.dataset.thinker });
		}
		this.clock = setInterval(() => this.columns.forEach((column) => column.tick()), 1000);
		this.columns.forEach((column) => column.tick());
	}

	/** All columns ended: stop the clock, say which continues. */
	settle() {
		clearInterval(this.clock);
		this.clock = 0;
		this.el.dataset.status = 'COMPLETE';
	}

	discard() {
		clearInterval(this.clock);
		for (const column of this.columns) column.view.discard();
		this.el.remove();
	}

	/** Applies one event to a column. */
	apply(column, event, data) {
		const view = column.view;
		switch (event) {
			case 'start':
				column.setId(data.assistantMessageId ?? data.messageId);
				if (data.model) column.el.dataset.model = data.model;
				if (data.thinker) showRelay(view, data);
				break;
			default: {
				const ended = applyAnswerEvent(view, event, data);
				if (ended) column.end((ended === 'done') ? data.totalMillis : null);
			}
		}
	}
}

/** The stored reasoning setting a request's reasoning object stands for. */
function settingOf(reasoning) {
	if (!reasoning) return null;
	if (reasoning.exclude) return 'hidden';
	if (reasoning.maxTokens) return `max_tokens:${reasoning.maxTokens}`;
	return reasoning.effort ?? null;
}

// ----- following the streams -----

/** Reads the compare's own stream (every event names its column) until every column has ended. */
async function readColumns(chat, view, response, userEl) {
	try {
		for await (const { event, data } of readJsonEvents(response)) {
			const column = view.columns[data.column];
			if (!column) continue;
			if (event === 'start') onStart(chat, view, data, userEl);
			view.apply(column, event, data);
			if (!view.running) return;
		}
	}
	catch {
		// The connection dropped: the columns still running are followed one by one.
	}
}

function onStart(chat, view, data, userEl) {
	if (data.userMessageId && !view.questionId) {
		view.questionId = data.userMessageId;
		if (userEl) setMessageId(userEl, data.userMessageId);
		if (chat.active?.view === view && chat.active.stopRequested) chat.requestStop(view.questionId);
	}
	// The conversation follows the newest column until the person picks one.
	if (data.assistantMessageId && data.column === view.columns.length - 1) setMessageId(view.el, data.assistantMessageId);
	if (data.conversationId && !view.adopted) {
		view.adopted = true;
		chat.adopt(data.conversationId, data.title);
	}
}

/** Follows one column on its own (after a reload, or when the compare's stream dropped). */
async function attachColumn(view, column) {
	if (column.id) {
		try {
			for await (const { event, data } of readJsonEvents(await api.attach(column.id))) {
				view.apply(column, event, data);
				if (column.ended) return;
			}
		}
		catch {
			// fall through: the connection is lost
		}
	}
	if (!column.ended) {
		column.view.connectionLost();
		column.end(null);
	}
}

async function finishFollowing(chat, view, owns) {
	await Promise.all(view.columns.filter((column) => !column.ended).map((column) => attachColumn(view, column)));
	view.settle();
	chat.follower.update();
	if (owns) chat.end();
	chat.onAnswerEnded?.(view);
}

/**
 * Sends one question to several set-ups at once: {content, endpoint, compare: [{model, reasoning, relay}, …]}.
 * chat is the page's Chat: its composer, follower and Stop button serve the compare as they serve one answer.
 */
export async function sendCompare(chat, { content, endpoint, compare, model }) {
	if (chat.active) return;
	if (!chat.keyConfigured && (endpoint ?? 'openrouter') === 'openrouter') {
		chat.composer.showError('No OpenRouter API key is set. Set OPENROUTER_API_KEY and restart Ponder.');
		return;
	}
	await chat.beforeSend?.();
	if (chat.active) return;
	const userEl = createUserMessage(content);
	const view = CompareView.create(compare, model);
	chat.hideEmptyState();
	chat.messages.append(userEl, view.el);
	view.begin(() => chat.follower.update());
	chat.composer.value = '';
	chat.follower.toBottom();
	chat.active = { view, stopRequested: false };
	chat.setBusy(true);

	let response;
	try {
		if (!chat.conversationId) chat.conversationId = (await api.createConversation()).id;
		response = await api.sendMessage(chat.conversationId, { content, endpoint, compare });
	}
	catch (error) {
		userEl.remove();
		view.discard();
		chat.restoreDraft(content);
		chat.composer.showError(error instanceof ApiError ? error.message : 'The message could not be sent.');
		chat.showEmptyStateIfEmpty();
		chat.end();
		return;
	}
	await readColumns(chat, view, response, userEl);
	await finishFollowing(chat, view, true);
}

/** Follows the columns of a compare still running when the page was shown. */
export async function attachCompare(chat, view) {
	const owns = !chat.active;
	if (owns) {
		chat.active = { view, stopRequested: false };
		chat.setBusy(true);
	}
	view.begin(() => chat.follower.update());
	await finishFollowing(chat, view, owns);
}

// ----- choosing the column that continues -----

/**
 * Gives each column its buttons: Copy, and "Continue with this" (or the mark of the one that continues).
 * onContinue(article, answerId) makes the conversation follow that column and shows it again.
 */
export function renderCompareActions(article, onContinue, busy = false) {
	const chosen = article.dataset.messageId;
	const view = compareViewOf(article);
	for (const section of article.querySelectorAll('.compare-column')) {
		const id = section.dataset.messageId;
		const streaming = section.dataset.status === 'STREAMING';
		const isChosen = Boolean(id) && id === chosen;
		section.toggleAttribute('data-chosen', isChosen && !streaming && !view?.running);
		const foot = section.querySelector('.compare-foot') ?? section.appendChild(element('div', 'compare-foot'));
		foot.replaceChildren();
		if (!id || streaming || view?.running) continue;
		const column = view?.columns.find((c) => c.el === section);
		if (column?.view.content) {
			foot.append(copyButton({ className: 'action-button action-copy', label: 'Copy answer',
				text: () => column.view.content }));
		}
		if (isChosen) {
			const mark = element('p', 'compare-chosen');
			mark.tabIndex = -1;
			mark.append(icon('check'), 'Continues the conversation');
			foot.append(mark);
		}
		else {
			const button = element('button', 'button button--outline compare-continue', 'Continue with this');
			button.type = 'button';
			button.addEventListener('click', async () => {
				await onContinue(article, id);
				document.querySelector(`#col-${CSS.escape(id)} .compare-chosen`)?.focus({ preventScroll: true });
			});
			foot.append(button);
		}
	}
	setBusy(article, busy);
}

/** The answer of a compare that the conversation JSON follows, for a compare article on the page. */
export function followedAnswer(article, conversation) {
	const ids = new Set([...article.querySelectorAll('.compare-column')].map((section) => section.dataset.messageId));
	return conversation.messages.find((message) => ids.has(String(message.id))) ?? null;
}
