// The conversation's branches on the page: the action rows under messages, switching between versions
// ("‹ 2 / 3 ›", which makes the conversation follow that branch), regenerating an answer and editing a question
// (each a new version beside the old, streamed like a sent message). The thread is re-rendered from the API's
// JSON with the same DOM the server renders, so a reload shows the same.

import { requested as requestedParameters } from './parameters-control.js';
import { api, ApiError } from './api.js';
import { buildCompare, CompareView, compareViewOf, followedAnswer, isCompare, loadCompareColumns,
	renderCompareActions } from './compare.js';
import { renderActions, setBusy } from './message-actions.js';
import { editMessage } from './message-editor.js';
import { AssistantMessage, buildMessage, createUserMessage, setBranchData, setMessageId, viewOf } from './message-view.js';
import { showRelay } from './relay-view.js';
import { readSetting, thinkingOf } from './reasoning-setting.js';
import { reasoningOf, showRegeneratePopover } from './regenerate-popover.js';
import { showToast } from './toast.js';

export class Thread {
	constructor({ main, messages, chat, header, follower }) {
		this.main = main;
		this.messages = messages;
		this.chat = chat;
		this.header = header;
		this.follower = follower;
		this.busy = false;
		this.editor = null;
		// Opened at a search hit (?at=): the page shows the branch through that message, which the conversation
		// may not follow. It follows it once the person does something that adds to it.
		this.pendingAt = new URL(window.location.href).searchParams.get('at');
		this.handlers = {
			onSibling: (article, targetId, which) => this.switchTo(article, targetId, which),
			onRegenerate: (article, button) => this.openRegenerate(article, button),
			onEdit: (article) => this.startEdit(article),
			onRetryRelay: (article) => this.retryRelay(article),
		};
		chat.beforeSend = () => this.followShownBranch();
		chat.onAnswerEnded = () => this.refresh();
		chat.onBusy = (busy) => this.setBusy(busy);
	}

	articles() {
		return [...this.messages.querySelectorAll(':scope > article.message')];
	}

	/** Gives every message its action row (after the page's assistant views exist). */
	enhanceAll() {
		for (const article of this.articles()) this.renderActions(article);
	}

	/** An answer's or question's action row; a compare's "Continue with this" buttons. */
	renderActions(article) {
		if (isCompare(article)) renderCompareActions(article, (shown, id) => this.switchTo(shown, id, 'continue'), this.busy);
		else renderActions(article, this.handlers, this.busy);
	}

	setBusy(busy) {
		this.busy = busy;
		setBusy(this.messages, busy);
	}

	// ----- following the server -----

	/** After an answer ended: the versions, what answered, and the totals, as stored now. */
	async refresh() {
		const id = this.main.dataset.conversationId;
		if (!id) return;
		let conversation;
		try {
			conversation = await api.conversation(id);
		}
		catch {
			return;
		}
		const byId = new Map(conversation.messages.map((message) => [String(message.id), message]));
		for (const article of this.articles()) {
			if (isCompare(article)) {
				const followed = followedAnswer(article, conversation);
				if (followed) setMessageId(article, followed.id);
				this.renderActions(article);
				continue;
			}
			const message = byId.get(article.dataset.messageId);
			if (!message) continue;
			setBranchData(article, message);
			renderActions(article, this.handlers, this.busy);
		}
		this.header?.setTotals(conversation.totalsLine ?? null);
	}

	/** Shows the conversation's branch from its JSON, the same DOM as the server renders. */
	async render(conversation) {
		const columns = await loadCompareColumns(conversation);
		this.editor?.close(false);
		for (const article of this.articles()) {
			viewOf(article)?.panel?.stopTimer();
			compareViewOf(article)?.followed();
		}
		const articles = conversation.messages.map((message) => (message.compare
			? buildCompare(message, columns.get(String(message.id)) ?? [message]) : buildMessage(message)));
		this.messages.replaceChildren(...articles);
		const running = [];
		const comparing = [];
		for (const article of articles) {
			if (article.dataset.role === 'user') continue;
			if (isCompare(article)) {
				const compare = new CompareView(article);
				if (compare.running) comparing.push(compare);
				else compare.renderSaved();
				continue;
			}
			const view = new AssistantMessage(article);
			if (article.dataset.status === 'STREAMING') running.push(view);
			else view.renderSaved();
		}
		for (const article of articles) this.renderActions(article);
		this.header?.setTotals(conversation.totalsLine ?? null);
		if (conversation.title) this.header?.setTitle(conversation.title);
		document.querySelector('.empty-state')?.toggleAttribute('hidden', articles.length > 0);
		running.reverse().forEach((view) => this.chat.attach(view));
		comparing.forEach((compare) => this.chat.attach(compare));
	}

	async followShownBranch() {
		const at = this.pendingAt;
		if (!at) return;
		this.pendingAt = null;
		this.forgetAtInAddress();
		try {
			const conversation = await api.select(at);
			const shown = this.articles().map((article) => article.dataset.messageId);
			const stored = conversation.messages.map((message) => String(message.id));
			if (shown.join() !== stored.join()) await this.render(conversation);
		}
		catch {
			// The conversation keeps the branch it followed; what is sent next goes there.
		}
	}

	forgetAtInAddress() {
		const url = new URL(window.location.href);
		if (!url.searchParams.has('at')) return;
		url.searchParams.delete('at');
		history.replaceState(history.state, '', url.pathname + url.search + url.hash);
	}

	// ----- versions -----

	async switchTo(article, targetId, which) {
		if (!targetId || this.busy) return;
		const before = article.getBoundingClientRect().top;
		const index = this.articles().indexOf(article);
		let conversation;
		try {
			conversation = await api.select(targetId);
		}
		catch (error) {
			showToast(error instanceof ApiError ? error.message : 'That version could not be shown.', { kind: 'error' });
			return;
		}
		this.pendingAt = null;
		this.forgetAtInAddress();
		await this.render(conversation);
		const target = document.getElementById(`m-${targetId}`) ?? this.articles()[index];
		if (!target) return;
		// Keep the message where it was on the screen, and the focus on the arrow that was pressed.
		this.follower.scroller.scrollTop += target.getBoundingClientRect().top - before;
		this.follower.setFollowing(this.follower.nearBottom());
		const same = target.querySelector(`.sibling-${which}`);
		(same && !same.disabled ? same : target.querySelector('.sibling-nav button:not(:disabled)'))?.focus({ preventScroll: true });
	}

	// ----- regenerate -----

	openRegenerate(article, button) {
		if (this.busy) return;
		const composer = this.composerChoice();
		showRegeneratePopover(button, {
			model: article.dataset.model || composer.model,
			setting: readSetting(article),
			fallback: composer.effort,
			run: ({ model, choice }) => this.regenerate(article, model, choice),
		});
	}

	/** A failed relay, answered again from the reasoning it kept: the thinker is not asked again. */
	retryRelay(article) {
		if (this.busy) return;
		this.regenerate(article, article.dataset.model, null, { reuseReasoning: true });
	}

	async regenerate(article, model, choice, payload = { model, reasoning: reasoningOf(choice) }) {
		if (this.chat.active) return;
		await this.followShownBranch();
		const current = document.getElementById(article.id) ?? article;
		if (!current.isConnected) return;
		const answerId = current.dataset.messageId;
		const count = Number(current.dataset.siblingCount || 1);
		const removed = this.detachFrom(current);
		const view = AssistantMessage.create();
		Object.assign(view.el.dataset, {
			model,
			siblingIndex: String(count + 1),
			siblingCount: String(count + 1),
			previousSiblingId: answerId,
		});
		if (payload.reuseReasoning) showRelay(view, { thinker: current.dataset.thinker, model });
		this.messages.append(view.el);
		renderActions(view.el, this.handlers, true);
		await this.chat.answerAgain({
			view,
			thinking: choice ? thinkingOf(choice) : 'visible',
			open: () => api.regenerate(answerId, payload),
			onRefused: (message) => this.putBack(removed, message),
		});
	}

	// ----- edit -----

	startEdit(article) {
		if (this.busy) return;
		this.editor?.close(false);
		this.editor = editMessage(article, {
			send: (text) => this.sendEdit(article, text),
			onClose: (returnFocus) => {
				this.editor = null;
				if (returnFocus) article.querySelector('.action-edit')?.focus({ preventScroll: true });
			},
		});
	}

	async sendEdit(article, content) {
		if (this.chat.active) return;
		await this.followShownBranch();
		const current = document.getElementById(article.id) ?? article;
		if (!current.isConnected) return;
		const questionId = current.dataset.messageId;
		const count = Number(current.dataset.siblingCount || 1);
		const { model, effort, endpoint } = this.composerChoice();
		const removed = this.detachFrom(current);
		const userEl = createUserMessage(content);
		Object.assign(userEl.dataset, {
			siblingIndex: String(count + 1),
			siblingCount: String(count + 1),
			previousSiblingId: questionId,
		});
		const view = AssistantMessage.create();
		this.messages.append(userEl, view.el);
		renderActions(userEl, this.handlers, true);
		const payload = { content };
		if (model) payload.model = model;
		if (endpoint) payload.endpoint = endpoint;
		if (effort) payload.reasoning = reasoningOf(effort);
		const parameters = requestedParameters();
		if (parameters) payload.parameters = parameters;
		await this.chat.answerAgain({
			view,
			userEl,
			thinking: thinkingOf(effort ?? 'high'),
			open: () => api.edit(questionId, payload),
			onRefused: (message) => {
				userEl.remove();
				this.putBack(removed, message);
			},
		});
	}

	// ----- helpers -----

	/** Takes article and everything after it off the page; returns them, to put back if the server refuses. */
	detachFrom(article) {
		const removed = [];
		for (let node = article; node;) {
			const next = node.nextElementSibling;
			node.remove();
			removed.push(node);
			node = next;
		}
		return removed;
	}

	putBack(removed, message) {
		this.messages.append(...removed);
		showToast(message, { kind: 'error', duration: 10000 });
	}

	/** The model, its endpoint and the reasoning level the composer holds now. */
	composerChoice() {
		const form = document.getElementById('composer');
		const data = form ? new FormData(form) : null;
		return {
			model: data?.get('model')?.toString().trim() || null,
			effort: data?.get('effort')?.toString() || null,
			endpoint: data?.get('endpoint')?.toString() || null,
		};
	}
}
