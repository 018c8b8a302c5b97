// One conversation on the page: sends a question and follows what answers it (one answer, or the columns of a
// compare), attaches to answers still running after a reload, attaches again with backoff when a connection drops,
// and stops answers on request. Regenerated answers and edited questions (thread.js) are followed the same way.
//
// What Chat follows is an answer view: an AssistantMessage, or a CompareView whose events name their column. Both
// have el, id (what Stop stops), onRender, begin(), started(data) (the start event's part about them),
// apply(event, data) (true once everything has ended), unfinished() (the parts to attach to again, each with id,
// el, started, apply and connectionLost) and discard().

import { api, ApiError, appUrl } from './api.js';
import { AssistantMessage, createUserMessage, setMessageId } from './message-view.js';
import { showRelay } from './relay-view.js';
import { thinkingOf } from './reasoning-setting.js';
import { readJsonEvents } from './stream.js';

/** How long to wait before each try to attach again after a connection dropped; then it is given up. */
const REATTACH_DELAYS = [0, 500, 1000, 2000, 4000];

/** Answers that the server no longer streams: ended, or never there. */
const isGone = (error) => error?.status === 404 || error?.status === 409 || error?.status === 410;

const wait = (millis) => new Promise((resolve) => {
	setTimeout(resolve, millis);
});

export class Chat {
	constructor({ main, messages, composer, sidebar, follower }) {
		this.main = main;
		this.messages = messages;
		this.composer = composer;
		this.sidebar = sidebar;
		this.follower = follower;
		this.conversationId = main.dataset.conversationId || null;
		this.adopted = Boolean(this.conversationId);
		/** The server's sentence when no OpenRouter key is set, else null. */
		this.missingKey = main.dataset.missingKey || null;
		/** The answer being followed: { view, stopRequested } */
		this.active = null;
		/** Once the page is being left, nothing is attached again. */
		this.leaving = false;
		window.addEventListener('pagehide', () => {
			this.leaving = true;
		});
		/** Hooks for thread.js: before a message goes out, when an answer has ended, when busy changes. */
		this.beforeSend = null;
		this.onAnswerEnded = null;
		this.onBusy = null;
		/** Called with {id, title} when the page takes on a conversation. */
		this.onAdopt = null;
		/** What every send body also carries ({parameters, systemPrompt}); told whether the chat is new. */
		this.bodyExtras = null;
	}

	/** Sends what the composer holds as one answer: {content, model, endpoint, effort, reasoning, relay}. */
	sendOne({ content, model, endpoint, effort, reasoning, relay }) {
		const thinking = relay ? 'visible' : thinkingOf(effort);
		const answer = AssistantMessage.create({ thinking });
		if (relay) showRelay(answer, { thinker: relay.thinker, model });
		return this.send({ content, endpoint, body: { content, model, endpoint, reasoning, relay }, answer });
	}

	/**
	 * Sends a question and follows what answers it: body is the API's request ({content, endpoint, …}), answer the
	 * view its stream fills (see the top of this file).
	 */
	async send({ content, endpoint, body, answer }) {
		if (this.active) return;
		if (this.missingKey && (endpoint ?? 'openrouter') === 'openrouter') {
			// The server would refuse it too; saying so here keeps an empty conversation from being made.
			this.composer.showError(this.missingKey);
			return;
		}
		await this.beforeSend?.();
		if (this.active) return;
		const userEl = createUserMessage(content);
		this.hideEmptyState();
		this.messages.append(userEl, answer.el);
		answer.onRender = () => this.follower.update();
		answer.begin({ startedAt: Date.now() });
		this.composer.value = '';
		this.follower.toBottom();
		this.active = { view: answer, stopRequested: false };
		this.setBusy(true);

		let response;
		const extras = this.bodyExtras?.({ isNew: !this.conversationId }) ?? {};
		try {
			if (!this.conversationId) this.conversationId = (await api.createConversation()).id;
			response = await api.sendMessage(this.conversationId, { ...body, ...extras });
		}
		catch (error) {
			// Not sent: take the bubbles back and give the person their text again.
			userEl.remove();
			answer.discard();
			this.restoreDraft(content);
			this.composer.showError(error instanceof ApiError ? error.message : 'The message could not be sent.');
			this.showEmptyStateIfEmpty();
			this.end();
			return;
		}
		await this.follow(response, answer, { userEl });
	}

	/** Follows an answer (or a compare) that was still running when the page was shown. */
	async attach(answer) {
		answer.onRender = () => this.follower.update();
		answer.begin({ thinking: 'visible' });
		const owns = !this.active;
		if (owns) {
			this.active = { view: answer, stopRequested: false };
			this.setBusy(true);
		}
		await this.follow(null, answer, { owns, reloadIfGone: true });
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
		await this.follow(response, view, { userEl });
	}

	/** Stop the answer being followed (or, if it has no id yet, as soon as it has one). */
	async stop() {
		const active = this.active;
		if (!active) return;
		active.stopRequested = true;
		if (!active.view.id) return;
		active.stopSent = true;
		await this.requestStop(active.view.id);
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

	/**
	 * Reads response (if any) into answer; what is left unfinished when it ends (the connection dropped: the answer
	 * runs on at the server) is attached to again.
	 */
	async follow(response, answer, { userEl = null, owns = true, reloadIfGone = false } = {}) {
		const ended = response ? await this.consume(response, answer, userEl) : false;
		if (!ended) {
			await Promise.all(answer.unfinished().map((part) => this.reattach(part, reloadIfGone)));
		}
		answer.followed?.();
		this.follower.update();
		if (owns) this.end();
		this.onAnswerEnded?.(answer);
	}

	/**
	 * Attaches to part again, with growing pauses between tries (REATTACH_DELAYS), until it has ended; a stream
	 * that brought events before it dropped starts the pauses over. Sends the last event id seen, so that only
	 * what came after it is sent again.
	 */
	async reattach(part, reloadIfGone) {
		let tries = 0;
		while (part.id && tries < REATTACH_DELAYS.length) {
			await wait(REATTACH_DELAYS[tries++]);
			if (this.leaving || !part.el.isConnected) return;
			let response;
			try {
				response = await api.attach(part.id, { lastEventId: part.lastEventId });
			}
			catch (error) {
				if (isGone(error)) {
					if (reloadIfGone && this.reloadOnce(part.id)) return;
					break;
				}
				continue;
			}
			const seen = part.lastEventId;
			if (await this.consume(response, part, null)) return;
			if (part.lastEventId !== seen) tries = 0;
		}
		if (!this.leaving) part.connectionLost();
	}

	// The answer finished (or vanished) between rendering the page and attaching: the page is out of date, so load
	// it again, but only once per message, in case the server keeps calling it running.
	reloadOnce(messageId) {
		const key = `ponder:reloaded:${messageId}`;
		if (sessionStorage.getItem(key)) return false;
		sessionStorage.setItem(key, '1');
		window.location.reload();
		return true;
	}

	/** Reads one event stream into target; true when it has ended (done or error, for every column). */
	async consume(response, target, userEl) {
		try {
			for await (const { event, data, id } of readJsonEvents(response)) {
				if (id) target.lastEventId = id;
				if (event === 'start') this.onStart(data, target, userEl);
				if (target.apply(event, data)) {
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

	/** The start event: ids for the question and the answer, the conversation it made, a Stop asked for early. */
	onStart(data, target, userEl) {
		if (userEl && data.userMessageId && !userEl.dataset.messageId) setMessageId(userEl, data.userMessageId);
		target.started(data);
		if (data.conversationId && !target.adopted) {
			target.adopted = true;
			this.adopt(data.conversationId, data.title);
		}
		const active = this.active;
		if (active?.view === target && active.stopRequested && !active.stopSent && target.id) {
			active.stopSent = true;
			this.requestStop(target.id);
		}
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
