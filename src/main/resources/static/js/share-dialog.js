// The "Share…" dialog of a conversation's menu: makes its read-only link (/s/…), copies it, updates it to the
// conversation as it is now, or stops sharing (asked first). A modal() of confirm-dialog.js: Escape or a click on
// the backdrop closes it, focus comes back to the menu's button, and every control is a real button or checkbox.

import { api, ApiError } from './api.js';
import { confirmDialog, modal } from './confirm-dialog.js';
import { copyButton } from './copy.js';
import { element } from './dom.js';
import { showToast } from './toast.js';

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
		this.title = title || 'Untitled';
		this.link = link;
		this.row = element('div', 'share-dialog-link');
		this.url = element('input', 'field-input share-dialog-url');
		this.url.readOnly = true;
		this.url.setAttribute('aria-label', 'Link');
		this.url.addEventListener('focus', () => this.url.select());
		this.row.append(this.url, copyButton({ className: 'share-dialog-copy', label: 'Copy link', text: () => this.url.value,
			visibleLabel: true }));
		this.costsLabel = element('label', 'share-dialog-costs');
		this.costs = element('input');
		this.costs.type = 'checkbox';
		this.costs.addEventListener('change', () => this.changeCosts());
		this.costsLabel.append(this.costs, document.createTextNode(' Show what each answer cost'));
		this.status = element('p', 'share-dialog-status');
		this.status.setAttribute('role', 'status');
		this.stop = button('Stop sharing', 'button--ghost share-dialog-stop');
		this.stop.addEventListener('click', () => this.revoke());
		this.close = button('Close', 'button--ghost share-dialog-close');
		this.save = button('', 'button--primary share-dialog-save');
		this.save.addEventListener('click', () => this.share());
	}

	open() {
		this.el = modal({
			title: 'Share a read-only link',
			body: [
				element('p', 'modal-text share-dialog-text',
					`Anyone with the link can read “${this.title}” with its reasoning, as it is now, without an account. `
					+ 'Later messages stay out until you update the link.'),
				this.row, this.costsLabel, this.status,
			],
			actions: [this.stop, this.close, this.save],
			className: 'share-dialog',
		});
		this.close.addEventListener('click', () => this.el.close());
		this.show();
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

	/** While a request runs, nothing else can be sent: no second link, no stop halfway through an update. */
	busy(running) {
		for (const control of [this.save, this.stop, this.costs]) control.disabled = running;
	}

	/** Makes the link, or moves it to the conversation as it is now; resolves to whether it worked. */
	async send(failure) {
		this.busy(true);
		try {
			this.link = await api.share(this.conversationId, this.costs.checked);
			this.show();
			return true;
		}
		catch (error) {
			this.status.textContent = messageOf(error, failure);
			return false;
		}
		finally {
			this.busy(false);
		}
	}

	async share() {
		const made = !this.link;
		if (!(await this.send('The link could not be made.'))) {
			this.save.focus();
			return;
		}
		this.status.textContent = made ? 'The link is ready: copy it and pass it on.'
			: 'The link now shows the conversation as it is now.';
		this.url.focus();
	}

	/**
	 * Ticking "Show what each answer cost" on an existing link saves at once (PATCH: the snapshot stays where it was),
	 * so that Close never drops it. Before the link exists, the tick is sent with "Create link".
	 */
	async changeCosts() {
		if (!this.link) {
			this.status.textContent = this.costs.checked ? 'Costs will be shown when you create the link.' : '';
			return;
		}
		const showing = this.costs.checked;
		this.busy(true);
		try {
			this.link = await api.showShareCosts(this.link.token, showing);
			this.show();
			this.status.textContent = showing ? 'Costs are now shown on the link.' : 'Costs are now hidden on the link.';
		}
		catch (error) {
			this.costs.checked = !showing;
			this.status.textContent = messageOf(error, 'The link could not be changed.');
		}
		finally {
			this.busy(false);
			this.costs.focus();
		}
	}

	async revoke() {
		const sure = await confirmDialog({
			title: 'Stop sharing this conversation?',
			message: `Everyone who has the link to “${this.title}” loses it. Sharing again makes a new link.`,
			confirmLabel: 'Stop sharing',
			danger: true,
		});
		if (!sure) return;
		this.busy(true);
		try {
			await api.revokeShare(this.link.token);
		}
		catch (error) {
			this.status.textContent = messageOf(error, 'The link could not be revoked.');
			this.busy(false);
			this.stop.focus();
			return;
		}
		this.el.close();
		showToast('Stopped sharing: the link leads nowhere now.');
	}
}
