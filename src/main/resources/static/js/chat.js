// One conversation on the page: sends a message and follows its answer's event stream, attaches to
// answers still running after a reload, and stops them on request. Regenerated answers and edited questions
// (thread.js) are followed the same way.

import { api, ApiError, appUrl } from './api.js';
import { AssistantMessage, createUserMessage, setMessageId } from './message-view.js';
import { applyAnswerEvent } from './answer-events.js';
import { showRelay } from './relay-view.js';
import { readJsonEvents } from './stream.js';

export class Chat {
	constructor({ main, messages, composer, sidebar, follower }) {
		this.main = main;
		this.messages = messages;
		this.composer = composer;
		this.sidebar = sidebar;
		this.follower = follower;
		this.conversationId = main.dataset.conversationId || null;
		this.adopted = Boolean(this.conversationId);
		this.keyConfigured = main.dataset.keyConfigured !== 'false';
		/** The answer being followed: { view, stopRequested } */
		this.active = null;
		/** Hooks for thread.js: before a message goes out, when an answer has ended, when busy changes. */
		this.beforeSend = null;
		this.onAnswerEnded = null;
		this.onBusy = null;
		/** Called with {id, title} when the page takes on a conversation. */
		this.onAdopt = null;
	}

	/** Sends what the composer holds: {content, model, endpoint, effort, reasoning}, and a relay's {thinker, reasoning}. */
	async send({ content, model, endpoint, effort, reasoning, relay }) {
		if (this.active) return;
		if (!this.keyConfigured && (endpoint ?? 'openrouter') === 'openrouter') {
			// The server would refuse it too; saying so here keeps an empty conversation from being made.
			this.composer.showError('No OpenRouter API key is set. Set OPENROUTER_API_KEY and restart Ponder.');
			return;
		}
		await this.beforeSend?.();
		if (this.active) return;
		const userEl = createUserMessage(content);
		const view = AssistantMessage.create();
		this.hideEmptyState();
		this.messages.append(userEl, view.el);
		view.onRender = () => this.follower.update();
		if (relay) showRelay(view, { thinker: relay.thinker, model });
		const thinking = relay ? 'visible' : effort === 'none' ? 'none' : effort === 'hidden' ? 'hidden' : 'visible';
		view.begin({ startedAt: Date.now(), thinking });
		this.composer.value = '';
		this.follower.toBottom();
		this.active = { view, stopRequested: false };
		this.setBusy(true);

		let response;
		try {
			if (!this.conversationId) this.conversationId = (await api.createConversation()).id;
			response = await api.sendMessage(this.conversationId, { content, model, endpoint, reasoning, relay });
		}
		catch (error) {
			// Not sent: take the bubbles back and give the person their text again.
			userEl.remove();
			view.discard();
			this.restoreDraft(content);
			this.composer.showError(error instanceof ApiError ? error.message : 'The message could not be sent.');
			this.showEmptyStateIfEmpty();
			this.end();
			return;
		}
		await this.follow(response, view, userEl);
	}

	/** Follows an answer that was still running when the page loaded. */
	async attach(view) {
		view.onRender = () => this.follower.update();
		view.begin({ thinking: 'visible' });
		const owns = !this.active;
		if (owns) {
			this.active = { view, stopRequested: false };
			this.setBusy(true);
		}
		let response;
		try {
			response = await api.attach(view.id);
		}
		catch (error) {
			// The answer finished (or vanished) between rendering the page and attaching: the page is out of
			// date, so load it again, but only once per message, in case the server keeps calling it running.
			const key = `ponder:reloaded:${view.id}`;
			const gone = error.status === 404 || error.status === 409 || error.status === 410;
			if (gone && !sessionStorage.getItem(key)) {
				sessionStorage.setItem(key, '1');
				window.location.reload();
				return;
			}
			view.connectionLost();
			if (owns) this.end();
			return;
		}
		await this.follow(response, view, null, owns);
	}

	/**
	 * Follows an answer that replaces the later part of the thread (regenerate, edit): view (and userEl) are on
	 * the page already; open() makes the request and resolves to the event-stream Response. When the server
	 * refuses, view is taken off and onRefused(message) puts things back.
	 */
	async answerAgain({ view, userEl = null, thinking = 'visible', open, onRefused }) {
		if (this.active) return;
		view.onRender = () => this.follower.update();
		view.begin({ startedAt: Date.now(), thinking });
		this.follower.toBottom();
		this.active = { view, stopRequested: false };
		this.setBusy(true);
		let response;
		try {
			response = await open();
		}
		catch (error) {
			view.discard();
			this.end();
			onRefused?.(error instanceof ApiError ? error.message : 'That could not be sent.');
			return;
		}
		await this.follow(response, view, userEl);
	}

	/** Stop the answer being followed (or, if it has no id yet, as soon as it has one). */
	async stop() {
		const active = this.active;
		if (!active) return;
		active.stopRequested = true;
		if (active.view.id) await this.requestStop(active.view.id);
	}

	async requestStop(messageId) {
		try {
			await api.stop(messageId);
		}
		catch (error) {
			this.composer.showError(error instanceof ApiError ? error.message : 'Could not stop the answer.');
			this.setBusy(Boolean(this.active));
		}
	}

	async follow(response, view, userEl, owns = true) {
		let ended = await this.consume(response, view, userEl);
		// The connection dropped mid-answer; the answer itself runs on at the server. Attach again once.
		if (!ended && view.id) {
			try {
				ended = await this.consume(await api.attach(view.id), view, null);
			}
			catch {
				ended = false;
			}
		}
		if (!ended) view.connectionLost();
		if (owns) this.end();
		this.onAnswerEnded?.(view);
	}

	/** Reads one event stream into the view; true when it ended with done or error. */
	async consume(response, view, userEl) {
		try {
			for await (const { event, data } of readJsonEvents(response)) {
				if (event === 'start') {
					this.onStart(data, view, userEl);
				}
				else if (applyAnswerEvent(view, event, data)) {
					this.follower.update();
					return true;
				}
			}
		}
		catch (error) {
			if (error?.name === 'AbortError') return true;
		}
		return false;
	}

	onStart(data, view, userEl) {
		if (userEl && data.userMessageId) setMessageId(userEl, data.userMessageId);
		if (data.assistantMessageId) setMessageId(view.el, data.assistantMessageId);
		if (data.model) view.el.dataset.model = data.model;
		if (data.thinker) showRelay(view, data);
		if (data.conversationId) this.adopt(data.conversationId, data.title);
		if (this.active?.view === view && this.active.stopRequested && view.id) this.requestStop(view.id);
	}

	/** The page now shows conversation id: its address, title, sidebar entry and form. */
	adopt(id, title) {
		const path = appUrl(`c/${encodeURIComponent(id)}`);
		this.conversationId = id;
		this.main.dataset.conversationId = id;
		if (window.location.pathname !== path) history.replaceState({ conversationId: id }, '', path);
		this.composer.setAction(appUrl(`c/${encodeURIComponent(id)}/messages`));
		if (title) {
			document.title = `${title} · Ponder`;
			const heading = document.getElementById('topbar-title');
			if (heading) heading.textContent = title;
		}
		if (!this.adopted || title) this.sidebar?.upsert({ id, title });
		this.adopted = true;
		this.onAdopt?.({ id, title });
	}

	end() {
		this.active = null;
		this.setBusy(false);
	}

	setBusy(busy) {
		this.composer.setBusy(busy);
		this.onBusy?.(busy);
	}

	restoreDraft(content) {
		const current = this.composer.value;
		this.composer.value = current.trim() ? `${content}\n\n${current}` : content;
		this.composer.focus();
	}

	hideEmptyState() {
		document.querySelector('.empty-state')?.setAttribute('hidden', '');
	}

	showEmptyStateIfEmpty() {
		if (!this.messages.children.length) document.querySelector('.empty-state')?.removeAttribute('hidden');
	}
}
