// The "Share…" dialog of a conversation's menu: makes its read-only link (/s/…), copies it, updates it to the
// conversation as it is now, or stops sharing. A modal <dialog>: Escape closes it, focus comes back to the menu's
// button, and every control is a real button or checkbox.

import { api, ApiError } from './api.js';
import { copyButton } from './copy.js';
import { showToast } from './toast.js';

function element(tag, className, text) {
	const el = document.createElement(tag);
	if (className) el.className = className;
	if (text != null) el.textContent = text;
	return el;
}

function button(label, className) {
	const el = element('button', `button ${className}`, label);
	el.type = 'button';
	return el;
}

function messageOf(error, fallback) {
	return error instanceof ApiError ? error.message : fallback;
}

/** Opens the dialog for {id, title}; finds the conversation's link, if it has one. */
export async function openShareDialog({ id, title }) {
	let link;
	try {
		link = (await api.shares()).find((share) => share.conversationId === id) ?? null;
	}
	catch (error) {
		showToast(messageOf(error, 'Your shared links could not be loaded.'), { kind: 'error' });
		return;
	}
	new ShareDialog(id, title, link).open();
}

class ShareDialog {
	constructor(conversationId, title, link) {
		this.conversationId = conversationId;
		this.link = link;
		this.returnTo = document.activeElement;
		this.el = element('dialog', 'confirm-dialog share-dialog');
		const heading = element('h2', 'confirm-title', 'Share a read-only link');
		heading.id = `share-${Date.now()}`;
		this.el.setAttribute('aria-labelledby', heading.id);
		const text = element('p', 'confirm-text share-dialog-text',
			`Anyone with the link can read “${title || 'Untitled'}” with its reasoning, as it is now, without an account. `
			+ 'Later messages stay out until you update the link.');
		this.row = element('div', 'share-dialog-link');
		this.url = element('input', 'field-input share-dialog-url');
		this.url.readOnly = true;
		this.url.setAttribute('aria-label', 'Link');
		this.url.addEventListener('focus', () => this.url.select());
		this.row.append(this.url, copyButton({ className: 'share-dialog-copy', label: 'Copy link', text: () => this.url.value,
			visibleLabel: true }));
		const costs = element('label', 'share-dialog-costs');
		this.costs = element('input');
		this.costs.type = 'checkbox';
		costs.append(this.costs, document.createTextNode(' Show what each answer cost'));
		this.status = element('p', 'share-dialog-status');
		this.status.setAttribute('role', 'status');
		this.stop = button('Stop sharing', 'button--ghost share-dialog-stop');
		this.stop.addEventListener('click', () => this.revoke());
		const close = button('Close', 'button--ghost share-dialog-close');
		close.addEventListener('click', () => this.el.close());
		this.save = button('', 'button--primary share-dialog-save');
		this.save.addEventListener('click', () => this.share());
		const actions = element('div', 'confirm-actions share-dialog-actions');
		actions.append(this.stop, close, this.save);
		this.el.append(heading, text, this.row, costs, this.status, actions);
		this.el.addEventListener('close', () => {
			this.el.remove();
			if (this.returnTo?.isConnected) this.returnTo.focus({ preventScroll: true });
		});
		this.el.addEventListener('click', (event) => {
			if (event.target === this.el) this.el.close();
		});
		this.show();
	}

	open() {
		document.body.append(this.el);
		this.el.showModal();
		(this.link ? this.url : this.save).focus();
	}

	/** Shows the link (or its absence) and what the buttons do. */
	show() {
		const shared = Boolean(this.link);
		this.row.hidden = !shared;
		this.url.value = this.link?.url ?? '';
		this.costs.checked = Boolean(this.link?.showCosts);
		this.stop.hidden = !shared;
		this.save.textContent = shared ? 'Update link' : 'Create link';
	}

	async share() {
		this.save.disabled = true;
		try {
			const made = !this.link;
			this.link = await api.share(this.conversationId, this.costs.checked);
			this.show();
			this.status.textContent = made ? 'The link is ready: copy it and pass it on.'
				: 'The link now shows the conversation as it is now.';
			this.url.focus();
		}
		catch (error) {
			this.status.textContent = messageOf(error, 'The link could not be made.');
		}
		finally {
			this.save.disabled = false;
		}
	}

	async revoke() {
		try {
			await api.revokeShare(this.link.token);
		}
		catch (error) {
			this.status.textContent = messageOf(error, 'The link could not be revoked.');
			return;
		}
		this.el.close();
		showToast('Stopped sharing: the link leads nowhere now.');
	}
}
