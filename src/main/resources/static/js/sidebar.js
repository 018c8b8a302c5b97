// The conversation list: groups it by age, filters it, adds and highlights conversations, and on phones
// slides it in as a drawer (without JavaScript the drawer opens through #sidebar:target instead).

import { appUrl } from './api.js';

const DAY = 24 * 60 * 60 * 1000;

function groupOf(date, now) {
	if (Number.isNaN(date.getTime())) return 'Older';
	const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
	const time = date.getTime();
	if (time >= today) return 'Today';
	if (time >= today - DAY) return 'Yesterday';
	if (time >= today - 7 * DAY) return 'Previous 7 days';
	if (time >= today - 30 * DAY) return 'Previous 30 days';
	return 'Older';
}

export class Sidebar {
	constructor(aside, toggle) {
		this.aside = aside;
		this.toggle = toggle;
		this.nav = aside.querySelector('.conversations');
		this.empty = aside.querySelector('.sidebar-empty');
		this.noMatch = aside.querySelector('.sidebar-no-match');
		this.search = aside.querySelector('.sidebar-search');
		this.items = [...aside.querySelectorAll('.conversation-item')];
		this.query = '';

		this.group();
		this.setUpDrawer();
		this.setUpSearch();
	}

	// ----- list -----

	group() {
		const now = new Date();
		const groups = new Map();
		for (const item of this.items) {
			const time = item.querySelector('time');
			const name = groupOf(new Date(time?.getAttribute('datetime') ?? ''), now);
			if (!groups.has(name)) groups.set(name, []);
			groups.get(name).push(item);
		}
		this.nav.querySelectorAll('.sidebar-heading, .conversation-list, .conversation-group').forEach((n) => n.remove());
		const fragment = document.createDocumentFragment();
		for (const [name, items] of groups) {
			const section = document.createElement('section');
			section.className = 'conversation-group';
			const label = document.createElement('h2');
			label.className = 'conversation-group-label';
			label.textContent = name;
			const list = document.createElement('ul');
			list.append(...items);
			section.append(label, list);
			fragment.append(section);
		}
		this.nav.prepend(fragment);
		this.empty?.classList.toggle('is-hidden', this.items.length > 0);
		this.applyFilter();
	}

	/** Puts a conversation at the top (adding it if new), titled and marked as the open one. */
	upsert({ id, title }) {
		let item = this.items.find((i) => i.querySelector('a')?.dataset.conversationId === String(id));
		if (!item) {
			item = document.createElement('li');
			item.className = 'conversation-item';
			const link = document.createElement('a');
			link.className = 'conversation-link';
			link.href = appUrl(`c/${encodeURIComponent(id)}`);
			link.dataset.conversationId = id;
			const name = document.createElement('span');
			name.className = 'conversation-title';
			const time = document.createElement('time');
			time.className = 'conversation-time';
			link.append(name, time);
			item.append(link);
		}
		if (title || !item.querySelector('.conversation-title').textContent) {
			item.querySelector('.conversation-title').textContent = title || 'New chat';
		}
		item.querySelector('time')?.setAttribute('datetime', new Date().toISOString());
		this.items = [item, ...this.items.filter((i) => i !== item)];
		this.group();
		this.setActive(id);
	}

	setActive(id) {
		for (const link of this.aside.querySelectorAll('.conversation-link')) {
			const active = link.dataset.conversationId === String(id);
			link.classList.toggle('is-active', active);
			if (active) link.setAttribute('aria-current', 'page');
			else link.removeAttribute('aria-current');
		}
	}

	// ----- search -----

	setUpSearch() {
		if (!this.search) return;
		this.search.hidden = this.items.length < 2;
		const input = this.search.querySelector('input');
		input.addEventListener('input', () => {
			this.query = input.value.trim().toLowerCase();
			this.applyFilter();
		});
		input.addEventListener('keydown', (event) => {
			if (event.key === 'Escape' && input.value) {
				event.stopPropagation();
				input.value = '';
				this.query = '';
				this.applyFilter();
			}
		});
	}

	applyFilter() {
		let shown = 0;
		for (const item of this.items) {
			const title = item.querySelector('.conversation-title')?.textContent.toLowerCase() ?? '';
			const match = !this.query || title.includes(this.query);
			item.hidden = !match;
			if (match) shown++;
		}
		for (const group of this.nav.querySelectorAll('.conversation-group')) {
			group.hidden = ![...group.querySelectorAll('.conversation-item')].some((i) => !i.hidden);
		}
		this.noMatch?.classList.toggle('is-hidden', !this.query || shown > 0);
		if (this.search && this.items.length >= 2) this.search.hidden = false;
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
			if (event.key === 'Escape' && this.isOpen()) {
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
