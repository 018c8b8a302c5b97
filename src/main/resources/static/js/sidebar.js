// The sidebar: the conversation list (more loads as it scrolls), the search box (hits replace the list while it
// holds text), each row's ⋯ menu, Export all and Import; on phones it slides in as a drawer (without JavaScript
// the drawer opens through #sidebar:target instead).

import { api, ApiError } from './api.js';
import { renameConversation, showConversationMenu } from './conversation-actions.js';
import { ConversationList } from './conversation-list.js';
import { renameInPlace } from './inline-rename.js';
import { hitElement } from './search-results.js';
import { showToast } from './toast.js';

const SEARCH_DELAY_MS = 200;
const SEARCH_PAGE = 20;
const LIST_PAGE = 50;

/** Where a search hit was opened from, so the conversation can show the match (read by arrival.js). */
export const HIT_KEY = 'ponder:search-hit';

export class Sidebar {
	constructor(aside, toggle) {
		this.aside = aside;
		this.toggle = toggle;
		this.nav = aside.querySelector('.conversations');
		this.groups = aside.querySelector('.conversation-groups');
		this.results = aside.querySelector('.search-results');
		this.hits = aside.querySelector('.search-list');
		this.searchEmpty = aside.querySelector('.search-empty');
		this.loading = aside.querySelector('.sidebar-loading');
		this.sentinel = aside.querySelector('.sidebar-sentinel');
		this.input = aside.querySelector('.sidebar-search input');

		this.list = new ConversationList(this.groups, { onMenu: (button, item) => this.openMenu(button, item) });
		// Later pages are as long as the first, whatever size the server chose for it.
		const first = this.list.size;
		this.paging = { next: 1, size: first || LIST_PAGE, more: aside.dataset.hasMore === 'true', busy: false };
		this.search = {
			query: this.input?.value.trim() ?? '',
			next: 1,
			more: this.hits ? this.hits.children.length >= SEARCH_PAGE : false,
			busy: false,
			timer: 0,
			abort: null,
		};

		this.setUpDrawer();
		this.setUpSearch();
		this.setUpPaging();
		this.setUpImport();
		this.followChanges();
	}

	// ----- what the chat tells the sidebar -----

	/** The open conversation was just active (a message sent, or it was just created). */
	upsert({ id, title }) {
		this.list.touch({ id, title });
	}

	setActive(id) {
		this.list.setActive(id);
	}

	followChanges() {
		document.addEventListener('ponder:conversation', (event) => this.list.update(event.detail));
		document.addEventListener('ponder:conversation-removed', (event) => {
			this.list.remove(event.detail.id);
			this.hits?.querySelector(`.search-hit[data-conversation-id="${CSS.escape(event.detail.id)}"]`)?.remove();
		});
		document.addEventListener('ponder:conversation-restored', (event) => this.list.restore(event.detail));
	}

	// ----- row menu and rename -----

	openMenu(button, item) {
		showConversationMenu(button, this.list.summaryOf(item), { rename: () => this.rename(item) });
	}

	rename(item) {
		const link = item.querySelector('.conversation-link');
		const { id, title } = this.list.summaryOf(item);
		item.classList.add('is-renaming');
		renameInPlace({
			host: item,
			shown: link,
			title,
			label: 'Conversation title',
			save: async (next) => {
				this.list.setTitle(item, next);
				try {
					await renameConversation(id, next);
				}
				catch {
					this.list.setTitle(item, title);
				}
			},
			after: ({ byKeyboard }) => {
				item.classList.remove('is-renaming');
				if (byKeyboard) link.focus({ preventScroll: true });
			},
		});
	}

	// ----- paging -----

	setUpPaging() {
		if (!this.sentinel || !('IntersectionObserver' in window)) return;
		this.observer = new IntersectionObserver((entries) => {
			if (entries.some((entry) => entry.isIntersecting)) this.loadMore();
		}, { root: this.nav, rootMargin: '0px 0px 240px 0px' });
		this.observer.observe(this.sentinel);
	}

	/** Watch the sentinel afresh: if it is still in view after a page, the observer says so again at once. */
	rearm() {
		if (!this.observer) return;
		this.observer.unobserve(this.sentinel);
		this.observer.observe(this.sentinel);
	}

	loadMore() {
		if (this.search.query) this.loadMoreHits();
		else this.loadMoreConversations();
	}

	async loadMoreConversations() {
		const paging = this.paging;
		if (!paging.more || paging.busy) return;
		paging.busy = true;
		this.loading.classList.remove('is-hidden');
		try {
			const page = await api.listConversations(paging.next, paging.size);
			paging.next++;
			paging.more = page.length >= paging.size;
			this.list.add(page);
		}
		catch {
			// Scrolling again retries.
		}
		finally {
			paging.busy = false;
			this.loading.classList.add('is-hidden');
		}
		this.rearm();
	}

	// ----- search -----

	setUpSearch() {
		if (!this.input) return;
		const form = this.input.form;
		form?.addEventListener('submit', (event) => {
			event.preventDefault();
			this.runSearch(this.input.value.trim());
		});
		this.input.addEventListener('input', () => {
			clearTimeout(this.search.timer);
			const query = this.input.value.trim();
			this.search.timer = setTimeout(() => this.runSearch(query), query ? SEARCH_DELAY_MS : 0);
		});
		this.input.addEventListener('keydown', (event) => {
			if (event.key === 'Escape' && this.input.value) {
				event.stopPropagation();
				this.input.value = '';
				clearTimeout(this.search.timer);
				this.runSearch('');
			}
		});
		this.results?.addEventListener('click', (event) => {
			const link = event.target.closest('a.search-match');
			if (!link) return;
			sessionStorage.setItem(HIT_KEY, JSON.stringify({
				messageId: link.dataset.messageId,
				in: link.dataset.in,
				query: this.search.query,
			}));
		});
		if (this.search.query) this.showResults(true);
	}

	async runSearch(query) {
		const search = this.search;
		this.forgetQueryInAddress();
		// Already shown, or on its way.
		if (query === search.query && !search.failed) return;
		search.abort?.abort();
		search.abort = null;
		search.query = query;
		search.failed = false;
		if (!query) {
			this.showResults(false);
			if (!this.list.size) {
				this.paging = { next: 0, size: LIST_PAGE, more: true, busy: false };
				this.loadMoreConversations();
			}
			return;
		}
		const abort = new AbortController();
		search.abort = abort;
		this.results.setAttribute('aria-busy', 'true');
		try {
			const hits = await api.searchConversations(query, 0, SEARCH_PAGE, abort.signal);
			if (search.abort !== abort) return;
			this.hits.replaceChildren(...hits.map(hitElement));
			search.next = 1;
			search.more = hits.length >= SEARCH_PAGE;
			this.searchEmpty.classList.toggle('is-hidden', hits.length > 0);
			this.searchEmpty.textContent = 'No chats match.';
			this.showResults(true);
			this.nav.scrollTop = 0;
		}
		catch (error) {
			if (error?.name === 'AbortError') return;
			search.failed = true;
			this.hits.replaceChildren();
			this.searchEmpty.textContent = error instanceof ApiError ? error.message : 'The search failed.';
			this.searchEmpty.classList.remove('is-hidden');
			this.showResults(true);
		}
		finally {
			if (search.abort === abort) {
				search.abort = null;
				this.results.removeAttribute('aria-busy');
				this.rearm();
			}
		}
	}

	async loadMoreHits() {
		const search = this.search;
		if (!search.more || search.busy || search.abort) return;
		search.busy = true;
		const query = search.query;
		try {
			const hits = await api.searchConversations(query, search.next, SEARCH_PAGE);
			if (query !== search.query) return;
			search.next++;
			search.more = hits.length >= SEARCH_PAGE;
			const shown = new Set([...this.hits.children].map((hit) => hit.dataset.conversationId));
			this.hits.append(...hits.filter((hit) => !shown.has(String(hit.id))).map(hitElement));
		}
		catch {
			// Scrolling again retries.
		}
		finally {
			search.busy = false;
		}
		this.rearm();
	}

	showResults(show) {
		this.results.hidden = !show;
		this.groups.hidden = show;
	}

	/** A search that came in the address (?q=, the no-script way) is not kept there once the box changes. */
	forgetQueryInAddress() {
		const url = new URL(window.location.href);
		if (!url.searchParams.has('q')) return;
		url.searchParams.delete('q');
		history.replaceState(history.state, '', url.pathname + url.search + url.hash);
	}

	// ----- export all, import -----

	setUpImport() {
		const button = this.aside.querySelector('.import-button');
		const file = this.aside.querySelector('.import-file');
		if (!button || !file) return;
		button.hidden = false;
		button.addEventListener('click', () => file.click());
		file.addEventListener('change', async () => {
			const chosen = file.files?.[0];
			file.value = '';
			if (!chosen) return;
			button.disabled = true;
			try {
				const result = await api.importConversations(await chosen.text());
				showToast(importedMessage(result));
				await this.reload();
			}
			catch (error) {
				showToast(error instanceof ApiError ? error.message : 'That file could not be imported.', { kind: 'error', duration: 10000 });
			}
			finally {
				button.disabled = false;
			}
		});
	}

	/** Shows the first page of the list again (after an import added conversations). */
	async reload() {
		const size = Math.max(this.paging.size, LIST_PAGE);
		const page = await api.listConversations(0, size);
		this.list.replace(page);
		this.paging = { next: 1, size, more: page.length >= size, busy: false };
		const open = document.querySelector('main.chat')?.dataset.conversationId;
		if (open) this.list.setActive(open);
		this.rearm();
	}

	// ----- drawer (phones) -----

	setUpDrawer() {
		const close = () => this.close();
		this.toggle?.addEventListener('click', (event) => {
			event.preventDefault();
			if (this.isOpen()) this.close();
			else this.open();
		});
		this.aside.querySelector('.sidebar-close')?.addEventListener('click', (event) => {
			event.preventDefault();
			close();
		});
		document.querySelector('.scrim')?.addEventListener('click', (event) => {
			event.preventDefault();
			close();
		});
		document.addEventListener('keydown', (event) => {
			if (event.key === 'Escape' && this.isOpen() && !event.defaultPrevented) {
				close();
				this.toggle?.focus();
			}
		});
		// Arriving with #sidebar in the address (the no-script way of opening it) shouldn't stick.
		if (window.location.hash === '#sidebar') history.replaceState(null, '', window.location.pathname + window.location.search);
	}

	isOpen() {
		return this.aside.classList.contains('is-open');
	}

	open() {
		this.aside.classList.add('is-open');
		this.toggle?.setAttribute('aria-expanded', 'true');
		(this.aside.querySelector('.conversation-link.is-active') ?? this.aside.querySelector('a'))?.focus({ preventScroll: true });
	}

	close() {
		this.aside.classList.remove('is-open');
		this.toggle?.setAttribute('aria-expanded', 'false');
	}
}

function importedMessage({ imported = 0, skipped = 0 }) {
	const conversations = (n) => `${n} conversation${n === 1 ? '' : 's'}`;
	const parts = [`Imported ${conversations(imported)}`];
	if (skipped) parts.push(`skipped ${skipped} already here`);
	return parts.join(' · ');
}
