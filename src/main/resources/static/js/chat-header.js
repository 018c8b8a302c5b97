// The open conversation's header: its title (click to rename in place), what its answers cost together, and its
// ⋯ menu. It follows renames and pins made anywhere (the ponder:conversation event).

import { renameConversation, setCarryReasoning, showConversationMenu } from './conversation-actions.js';
import { renameInPlace } from './inline-rename.js';
import { openShareDialog } from './share-dialog.js';

export class ChatHeader {
	constructor(header) {
		this.el = header;
		this.heading = header.querySelector('.chat-title');
		this.text = header.querySelector('.chat-title-text');
		this.pinMark = header.querySelector('.pin-mark');
		this.totals = header.querySelector('.chat-totals');
		this.menuButton = header.querySelector('.chat-menu-button');
		/** Opens the system prompt's editor; set by the page. */
		this.onSystemPrompt = null;

		header.querySelector('.chat-menu-fallback')?.remove();
		this.menuButton.hidden = false;
		this.menuButton.addEventListener('click', () => this.openMenu());

		this.titleButton = document.createElement('button');
		this.titleButton.type = 'button';
		this.titleButton.className = 'chat-title-button';
		this.titleButton.title = 'Rename';
		this.text.replaceWith(this.titleButton);
		this.titleButton.append(this.text);
		this.titleButton.addEventListener('click', () => this.rename());

		this.refreshTotals();
		// A hairline under the header once the thread scrolls beneath it.
		const scroller = document.getElementById('thread');
		scroller?.addEventListener('scroll', () => header.classList.toggle('is-scrolled', scroller.scrollTop > 2), { passive: true });
		document.addEventListener('ponder:conversation', (event) => {
			const summary = event.detail;
			if (summary.id !== this.id) return;
			if (summary.title != null) this.setTitle(summary.title);
			if (summary.pinned != null) this.setPinned(summary.pinned);
			if (summary.carryReasoning != null) this.el.dataset.carryReasoning = String(summary.carryReasoning);
		});
	}

	get id() {
		return this.el.dataset.conversationId || null;
	}

	get summary() {
		return { id: this.id, title: this.text.textContent, pinned: this.el.dataset.pinned === 'true' };
	}

	/** A conversation now open on the page (the first message of a new chat created it). */
	show({ id, title }) {
		this.el.dataset.conversationId = id;
		if (title) this.setTitle(title);
		this.el.hidden = false;
	}

	setTitle(title) {
		this.text.textContent = title;
		document.title = `${title} · Ponder`;
		const topbar = document.getElementById('topbar-title');
		if (topbar) topbar.textContent = title;
	}

	setPinned(pinned) {
		this.el.dataset.pinned = String(pinned);
		this.pinMark?.classList.toggle('is-hidden', !pinned);
	}

	/** totals: the worded line ("12,345 tokens · $0.0123"), or null. */
	setTotals(line) {
		this.totals.textContent = line ?? '';
		this.refreshTotals();
	}

	refreshTotals() {
		this.totals.classList.toggle('is-hidden', !this.totals.textContent.trim());
	}

	openMenu() {
		if (!this.id) return;
		showConversationMenu(this.menuButton, this.summary, {
			rename: () => this.rename(),
			systemPrompt: this.onSystemPrompt,
			// Offered only where sharing is on (PONDER_SHARING).
			share: this.el.dataset.sharing === 'on' ? () => openShareDialog(this.summary) : null,
			carryReasoning: { checked: this.carriesReasoning, toggle: () => setCarryReasoning(this.id, !this.carriesReasoning) },
		});
	}

	/** Whether the model is sent its earlier reasoning (off until turned on, and for a new chat). */
	get carriesReasoning() {
		return this.el.dataset.carryReasoning === 'true';
	}

	rename() {
		const { id, title } = this.summary;
		if (!id) return;
		this.el.classList.add('is-renaming');
		renameInPlace({
			host: this.heading,
			shown: this.titleButton,
			title,
			label: 'Conversation title',
			className: 'chat-title-input',
			save: async (next) => {
				this.setTitle(next);
				try {
					await renameConversation(id, next);
				}
				catch {
					this.setTitle(title);
				}
			},
			after: ({ byKeyboard }) => {
				this.el.classList.remove('is-renaming');
				if (byKeyboard) this.titleButton.focus({ preventScroll: true });
			},
		});
	}
}
