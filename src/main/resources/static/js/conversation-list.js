// The sidebar's list of conversations, grouped: Pinned, Today, Yesterday, Previous 7 days, then by month, each
// group newest first (by last activity). The same DOM as sidebar.html renders, grouped in the same time zone: the
// one the server grouped in (data-zone), so that a regroup after a change never moves a conversation elsewhere.

import { appUrl } from './api.js';
import { icon } from './icons.js';

const DAY = 24 * 60 * 60 * 1000;

const calendars = new Map();

/** Formats of dates in one time zone: its day numbers, and month headings. The browser's own zone if it knows no such zone. */
function calendar(timeZone = '') {
	const make = (zone) => ({
		parts: new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' }),
		month: new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'long', year: 'numeric' }),
	});
	if (!calendars.has(timeZone)) {
		let made;
		try {
			made = make(timeZone || undefined);
		}
		catch {
			made = make(undefined);
		}
		calendars.set(timeZone, made);
	}
	return calendars.get(timeZone);
}

/** The day a moment falls on in the calendar's zone, counted in days since 1970-01-01. */
function dayNumber({ parts }, date) {
	const field = Object.fromEntries(parts.formatToParts(date).map(({ type, value }) => [type, Number(value)]));
	return Math.round(Date.UTC(field.year, field.month - 1, field.day) / DAY);
}

/** The group a conversation {pinned, updatedAt} belongs in, now, counting days in timeZone (as SidebarGroup does). */
export function groupLabel({ pinned, updatedAt }, now = new Date(), timeZone = undefined) {
	if (pinned) return 'Pinned';
	const date = new Date(updatedAt);
	if (Number.isNaN(date.getTime())) return 'Older';
	const zone = calendar(timeZone);
	const ago = dayNumber(zone, now) - dayNumber(zone, date);
	if (ago <= 0) return 'Today';
	if (ago === 1) return 'Yesterday';
	if (ago <= 7) return 'Previous 7 days';
	return zone.month.format(date);
}

/** The tag of a conversation asked through the OpenAI-compatible API, as sidebar.html renders it. */
function apiTag() {
	const tag = document.createElement('span');
	tag.className = 'api-tag';
	tag.setAttribute('role', 'img');
	tag.setAttribute('aria-label', 'Asked through the API');
	tag.title = 'Asked through the API';
	tag.textContent = 'API';
	return tag;
}

function time(value) {
	const t = Date.parse(value ?? '');
	return Number.isNaN(t) ? 0 : t;
}

export class ConversationList {
	/**
	 * @param container the .conversation-groups element
	 * @param onMenu (button, li) => void, when an item's ⋯ button is pressed
	 */
	constructor(container, { onMenu }) {
		this.container = container;
		this.empty = container.querySelector('.sidebar-empty');
		this.onMenu = onMenu;
		for (const item of this.items()) this.enhance(item);
	}

	items() {
		return [...this.container.querySelectorAll('.conversation-item')];
	}

	get size() {
		return this.items().length;
	}

	find(id) {
		return this.items().find((item) => item.dataset.conversationId === String(id)) ?? null;
	}

	summaryOf(item) {
		return {
			id: item.dataset.conversationId,
			title: item.querySelector('.conversation-title')?.textContent ?? '',
			pinned: item.dataset.pinned === 'true',
			updatedAt: item.dataset.updatedAt,
		};
	}

	/** Adds the conversations not shown yet (a further page), in their places. */
	add(summaries) {
		let added = 0;
		for (const summary of summaries) {
			if (this.find(summary.id)) continue;
			this.container.append(this.build(summary));
			added++;
		}
		if (added) this.regroup();
		return added;
	}

	/** Shows exactly these conversations (after an import). */
	replace(summaries) {
		const active = this.container.querySelector('.conversation-link.is-active')?.closest('.conversation-item')?.dataset.conversationId;
		for (const item of this.items()) item.remove();
		for (const summary of summaries) this.container.append(this.build(summary));
		this.regroup();
		if (active) this.setActive(active);
	}

	/** A conversation was active just now (a message sent): it goes to the top of its group, added if new. */
	touch({ id, title }) {
		let item = this.find(id);
		if (!item) item = this.build({ id, title: title || 'New chat', pinned: false });
		if (title) this.setTitle(item, title);
		item.dataset.updatedAt = new Date().toISOString();
		this.container.prepend(item);
		this.regroup();
		this.setActive(id);
	}

	/** A renamed or (un)pinned conversation. */
	update(summary) {
		const item = this.find(summary.id);
		if (!item) return;
		if (summary.title != null) this.setTitle(item, summary.title);
		const wasPinned = item.dataset.pinned === 'true';
		if (summary.updatedAt) item.dataset.updatedAt = summary.updatedAt;
		if (summary.pinned != null && summary.pinned !== wasPinned) {
			item.dataset.pinned = String(summary.pinned);
			this.setPinMark(item, summary.pinned);
			this.regroup();
		}
	}

	remove(id) {
		const item = this.find(id);
		if (!item) return;
		const focused = item.contains(document.activeElement);
		const next = this.neighbour(item);
		item.remove();
		this.regroup();
		if (focused) next?.querySelector('.conversation-link')?.focus({ preventScroll: true });
	}

	/** An undone delete: back in its place (its last activity is unchanged). */
	restore(summary) {
		if (!this.find(summary.id)) this.container.append(this.build(summary));
		this.regroup();
	}

	setActive(id) {
		for (const link of this.container.querySelectorAll('.conversation-link')) {
			const active = link.closest('.conversation-item')?.dataset.conversationId === String(id);
			link.classList.toggle('is-active', active);
			if (active) link.setAttribute('aria-current', 'page');
			else link.removeAttribute('aria-current');
		}
	}

	/** Rebuilds the groups from the items: pinned first, then newest first, each under its heading. */
	regroup() {
		const focused = this.container.contains(document.activeElement) ? document.activeElement : null;
		const now = new Date();
		const items = this.items()
			.map((item, index) => ({ item, index, pinned: item.dataset.pinned === 'true', at: time(item.dataset.updatedAt) }))
			.sort((a, b) => (b.pinned - a.pinned) || (b.at - a.at) || (a.index - b.index));
		const sections = new Map();
		for (const { item } of items) {
			const label = groupLabel(this.summaryOf(item), now, this.container.dataset.zone);
			if (!sections.has(label)) sections.set(label, []);
			sections.get(label).push(item);
		}
		this.container.querySelectorAll('.conversation-group').forEach((section) => section.remove());
		const fragment = document.createDocumentFragment();
		for (const [label, members] of sections) {
			const section = document.createElement('section');
			section.className = 'conversation-group';
			section.dataset.label = label;
			const heading = document.createElement('h2');
			heading.className = 'conversation-group-label';
			heading.textContent = label;
			const list = document.createElement('ul');
			list.className = 'conversation-list';
			list.append(...members);
			section.append(heading, list);
			fragment.append(section);
		}
		this.container.prepend(fragment);
		this.empty?.classList.toggle('is-hidden', items.length > 0);
		if (focused?.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
	}

	// ----- items -----

	build({ id, title, pinned, updatedAt, madeThroughApi }) {
		const item = document.createElement('li');
		item.className = 'conversation-item';
		item.dataset.conversationId = id;
		item.dataset.updatedAt = updatedAt ?? new Date().toISOString();
		item.dataset.pinned = String(Boolean(pinned));
		const link = document.createElement('a');
		link.className = 'conversation-link';
		link.href = appUrl(`c/${encodeURIComponent(id)}`);
		const name = document.createElement('span');
		name.className = 'conversation-title';
		name.textContent = title || 'Untitled';
		link.append(name);
		if (madeThroughApi) link.append(apiTag());
		item.append(link);
		this.setPinMark(item, pinned);
		this.enhance(item);
		return item;
	}

	/** The ⋯ button, which only works with this script. */
	enhance(item) {
		if (item.querySelector('.conversation-menu-button')) return;
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'icon-button conversation-menu-button';
		button.setAttribute('aria-haspopup', 'menu');
		button.setAttribute('aria-expanded', 'false');
		button.append(icon('more'));
		button.addEventListener('click', (event) => {
			event.preventDefault();
			this.onMenu(button, item);
		});
		item.append(button);
		this.labelMenu(item);
	}

	setTitle(item, title) {
		item.querySelector('.conversation-title').textContent = title || 'Untitled';
		this.labelMenu(item);
	}

	labelMenu(item) {
		const title = item.querySelector('.conversation-title')?.textContent || 'this conversation';
		const button = item.querySelector('.conversation-menu-button');
		button?.setAttribute('aria-label', `Options for ${title}`);
		if (button) button.title = 'Options';
	}

	setPinMark(item, pinned) {
		const link = item.querySelector('.conversation-link');
		const mark = link.querySelector('.pin-mark');
		if (pinned && !mark) {
			const svg = icon('pin', 'pin-mark');
			svg.removeAttribute('aria-hidden');
			svg.setAttribute('role', 'img');
			svg.setAttribute('aria-label', 'Pinned');
			link.prepend(svg);
		}
		else if (!pinned) {
			mark?.remove();
		}
	}

	neighbour(item) {
		const items = this.items();
		const index = items.indexOf(item);
		return items[index + 1] ?? items[index - 1] ?? null;
	}
}
