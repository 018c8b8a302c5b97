// What can be done to a conversation, from its row in the sidebar or from its header: rename, pin, export,
// delete (asked first, then undoable for a few seconds). Changes are announced as document events, so every place
// that shows the conversation follows:
//   ponder:conversation          detail: the summary {id, title, pinned, updatedAt, …} after a change
//   ponder:conversation-removed  detail: {id}
//   ponder:conversation-restored detail: the summary

import { api, ApiError, appUrl, exportUrl } from './api.js';
import { confirmDialog } from './confirm-dialog.js';
import { showMenu } from './menu.js';
import { showToast } from './toast.js';

const UNDO_MS = 6000;
const PENDING_UNDO = 'ponder:undo-delete';

function announce(name, detail) {
	document.dispatchEvent(new CustomEvent(name, { detail }));
}

function messageOf(error, fallback) {
	return error instanceof ApiError ? error.message : fallback;
}

function openConversationId() {
	return document.querySelector('main.chat')?.dataset.conversationId || null;
}

/** Renames; resolves to the summary, or rejects after saying why in a toast. */
export async function renameConversation(id, title) {
	try {
		const summary = await api.updateConversation(id, { title });
		announce('ponder:conversation', summary);
		return summary;
	}
	catch (error) {
		showToast(messageOf(error, 'The conversation could not be renamed.'), { kind: 'error' });
		throw error;
	}
}

export async function setPinned(id, pinned) {
	try {
		announce('ponder:conversation', await api.updateConversation(id, { pinned }));
	}
	catch (error) {
		showToast(messageOf(error, pinned ? 'The conversation could not be pinned.' : 'The conversation could not be unpinned.'),
			{ kind: 'error' });
	}
}

/** Turns "Let the model see its earlier reasoning" on or off; resolves to whether it is on now. */
export async function setCarryReasoning(id, carryReasoning) {
	try {
		const summary = await api.updateConversation(id, { carryReasoning });
		announce('ponder:conversation', summary);
		// The menu closes on the click, so the switch's new state is never seen there: say it, and what it costs.
		showToast(summary.carryReasoning
			? 'The model now sees its earlier reasoning: each question sends more input tokens.'
			: 'The model no longer sees its earlier reasoning.');
		return summary.carryReasoning;
	}
	catch (error) {
		showToast(messageOf(error, 'The setting could not be changed.'), { kind: 'error' });
		return !carryReasoning;
	}
}

export async function deleteConversation({ id, title }) {
	const confirmed = await confirmDialog({
		title: 'Delete this conversation?',
		message: `“${title || 'Untitled'}” and all its messages will be deleted. You can undo this for a few seconds.`,
		confirmLabel: 'Delete',
		danger: true,
	});
	if (!confirmed) return;
	try {
		await api.deleteConversation(id);
	}
	catch (error) {
		showToast(messageOf(error, 'The conversation could not be deleted.'), { kind: 'error' });
		return;
	}
	announce('ponder:conversation-removed', { id });
	if (id === openConversationId()) {
		// The open conversation is gone: leave for a new chat, and offer the undo there.
		sessionStorage.setItem(PENDING_UNDO, JSON.stringify({ id, until: Date.now() + UNDO_MS }));
		window.location.assign(appUrl(''));
		return;
	}
	offerUndo(id, UNDO_MS, false);
}

function offerUndo(id, duration, reopen) {
	showToast('Conversation deleted', {
		duration,
		action: {
			label: 'Undo',
			run: async () => {
				try {
					const summary = await api.restoreConversation(id);
					if (reopen) {
						window.location.assign(appUrl(`c/${encodeURIComponent(id)}`));
						return;
					}
					announce('ponder:conversation-restored', summary);
				}
				catch (error) {
					showToast(error instanceof ApiError && error.status === 404
						? 'It is too late to undo: the conversation is gone.'
						: messageOf(error, 'The conversation could not be restored.'), { kind: 'error' });
				}
			},
		},
	});
}

/** After leaving a conversation that was just deleted: the rest of its undo time, on this page. */
export function resumePendingUndo() {
	const saved = sessionStorage.getItem(PENDING_UNDO);
	if (!saved) return;
	sessionStorage.removeItem(PENDING_UNDO);
	try {
		const { id, until } = JSON.parse(saved);
		const left = until - Date.now();
		if (id && left > 500) offerUndo(id, left, true);
	}
	catch {
		// a damaged entry: nothing to offer
	}
}

/**
 * Opens the ⋯ menu of a conversation {id, title, pinned} under trigger; rename() starts renaming in place.
 * carryReasoning {checked, toggle}: the switch "Let the model see its earlier reasoning" (the header's menu only).
 */
export function showConversationMenu(trigger, conversation, { rename, systemPrompt = null, share = null, carryReasoning = null }) {
	showMenu(trigger, [
		{ label: 'Rename', icon: 'pencil', className: 'menu-rename', run: rename },
		...(systemPrompt ? [{ label: 'System prompt…', icon: 'lines', className: 'menu-system-prompt', run: systemPrompt }] : []),
		...(carryReasoning ? [{
			label: 'Let the model see its earlier reasoning',
			icon: 'thinking',
			className: 'menu-carry-reasoning',
			checked: carryReasoning.checked,
			run: carryReasoning.toggle,
		}] : []),
		{
			label: conversation.pinned ? 'Unpin' : 'Pin',
			icon: conversation.pinned ? 'unpin' : 'pin',
			className: 'menu-pin',
			run: () => setPinned(conversation.id, !conversation.pinned),
		},
		'separator',
		...(share ? [{ label: 'Share…', icon: 'share', className: 'menu-share', run: share }] : []),
		{ label: 'Export Markdown', icon: 'markdown', className: 'menu-export-md', href: exportUrl(conversation.id, 'md'), download: true },
		{ label: 'Export JSON', icon: 'braces', className: 'menu-export-json', href: exportUrl(conversation.id, 'json'), download: true },
		'separator',
		{ label: 'Delete…', icon: 'trash', className: 'menu-delete', danger: true, run: () => deleteConversation(conversation) },
	], { label: `Options for ${conversation.title || 'this conversation'}` });
}
