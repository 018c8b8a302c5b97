// One question answered side by side: two to four columns (a model, a reasoning level or a relay each) that stream
// at once, each with its own thinking panel, timer and meta line, and a column's failure its own. The person picks
// the answer that continues the conversation ("Continue with this"); the others stay as branches. The same DOM
// comes from the server (relay/compare.html), from the API's JSON (buildCompare) and for a compare being sent.

import { applyAnswerEvent } from './answer-events.js';
import { api } from './api.js';
import { withAttachments } from './chat.js';
import { copyButton } from './copy.js';
import { element } from './dom.js';
import { duration } from './format.js';
import { setBusy } from './message-actions.js';
import { part } from './message-parts.js';
import { AssistantMessage, buildMessage, setMessageId } from './message-view.js';
import { showRelay } from './relay-view.js';
import { EFFORT_WORDS, settingOf, writeSetting } from './reasoning-setting.js';

const views = new WeakMap();

export function isCompare(article) {
	return article.classList.contains('message--compare');
}

/** The CompareView that keeps article, if one does. */
export function compareViewOf(article) {
	return views.get(article) ?? null;
}

/** "reasoning high", "reasoning budget 4096 tokens", as the page words a column's setting ({effort, maxTokens, hidden}). */
function levelWords(setting) {
	if (setting?.hidden) return 'reasoning hidden';
	if (setting?.maxTokens != null) return `reasoning budget ${setting.maxTokens} tokens`;
	return EFFORT_WORDS[setting?.effort] ? `reasoning ${EFFORT_WORDS[setting.effort]}` : 'reasoning default';
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
	writeSetting(section, setting);
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
			setting: column.reasoningAsked, totalMillis: column.totalMillis });
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

	/** The start event's part about this column (also when it is attached to on its own). */
	started(data) {
		this.setId(data.assistantMessageId ?? data.messageId);
		if (data.model) this.el.dataset.model = data.model;
		if (data.thinker) showRelay(this.view, data);
	}

	/** Applies one event of this column's answer; true once it has ended. */
	apply(event, data) {
		const ended = applyAnswerEvent(this.view, event, data);
		if (ended) this.end((ended === 'done') ? data.totalMillis : null);
		return this.ended;
	}

	connectionLost() {
		this.view.connectionLost();
		this.end(null);
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
			const body = part('.message--assistant').querySelector('.assistant-body');
			body.append(part('.answer'));
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
		this.clock = 0;
		this.onRender = null;
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
	begin() {
		for (const column of this.columns) {
			if (column.ended) {
				column.view.renderSaved();
				continue;
			}
			column.view.onRender = this.onRender;
			column.view.begin({ startedAt: column.startedAt, thinking: 'visible' });
			if (column.el.dataset.thinker) showRelay(column.view, { thinker: column.el.dataset.thinker });
		}
		this.clock = setInterval(() => this.columns.forEach((column) => column.tick()), 1000);
		this.columns.forEach((column) => column.tick());
	}

	/** All columns ended: stop the clock. */
	followed() {
		clearInterval(this.clock);
		this.clock = 0;
		this.el.dataset.status = 'COMPLETE';
	}

	discard() {
		clearInterval(this.clock);
		for (const column of this.columns) column.view.discard();
		this.el.remove();
	}

	/** The start event of a column: the question's id, the column's, and the answer the conversation follows. */
	started(data) {
		if (data.userMessageId && !this.questionId) this.questionId = data.userMessageId;
		const column = this.columns[data.column];
		if (!column) return;
		column.started(data);
		// The conversation follows the newest column until the person picks one.
		if (data.assistantMessageId && data.column === this.columns.length - 1) {
			setMessageId(this.el, data.assistantMessageId);
		}
	}

	/** Applies one event of the compare's stream (each names its column); true once every column has ended. */
	apply(event, data) {
		this.columns[data.column]?.apply(event, data);
		return !this.running;
	}

	/** The columns still running, to attach to one by one when the compare's stream dropped. */
	unfinished() {
		return this.columns.filter((column) => !column.ended);
	}
}


/**
 * Sends one question to several set-ups at once: {content, endpoint, compare: [{model, reasoning, relay}, …]}.
 * chat is the page's Chat: it sends and follows the compare as it does one answer.
 */
export function sendCompare(chat, { content, endpoint, compare, model, attachments = [] }) {
	return chat.send({ content, endpoint, attachments, body: withAttachments({ content, endpoint, compare }, attachments),
		answer: CompareView.create(compare, model) });
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
			foot.append(part('.compare-chosen'));
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
