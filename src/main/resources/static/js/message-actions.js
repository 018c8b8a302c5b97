// The row of actions under a message, built from its article's data attributes: on answers Copy and Regenerate,
// on questions Edit, and "‹ 2 / 3 ›" on either when there are other versions of it. It replaces the row the
// server rendered for pages without JavaScript (the same arrows, as forms).

import { copyButton } from './copy.js';
import { icon } from './icons.js';
import { viewOf } from './message-view.js';

function actionButton(className, iconName, label) {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = `action-button ${className}`;
	button.title = label;
	button.setAttribute('aria-label', label);
	button.append(icon(iconName));
	return button;
}

function siblingNav(article, onSibling) {
	const data = article.dataset;
	const index = Number(data.siblingIndex || 1);
	const count = Number(data.siblingCount || 1);
	const nav = document.createElement('div');
	nav.className = 'sibling-nav';
	nav.setAttribute('role', 'group');
	nav.setAttribute('aria-label', `Version ${index} of ${count}`);
	const previous = actionButton('sibling-previous', 'back', 'Previous version');
	const next = actionButton('sibling-next', 'chevron', 'Next version');
	previous.disabled = !data.previousSiblingId;
	next.disabled = !data.nextSiblingId;
	previous.addEventListener('click', () => onSibling(article, data.previousSiblingId, 'previous'));
	next.addEventListener('click', () => onSibling(article, data.nextSiblingId, 'next'));
	const label = document.createElement('span');
	label.className = 'sibling-count';
	label.setAttribute('aria-hidden', 'true');
	label.textContent = `${index} / ${count}`;
	nav.append(previous, label, next);
	return nav;
}

/**
 * (Re)builds article's .message-actions. handlers: onSibling(article, targetId, 'previous'|'next'),
 * onRegenerate(article, button), onEdit(article, button), onRetryRelay(article) (a failed relay, answered again from
 * its stored reasoning). busy disables what would start an answer.
 */
export function renderActions(article, { onSibling, onRegenerate, onEdit, onRetryRelay }, busy = false) {
	const assistant = article.dataset.role !== 'user';
	const streaming = article.dataset.status === 'STREAMING';
	const id = article.dataset.messageId;
	let row = article.querySelector('.message-actions');
	if (!row) {
		row = document.createElement('div');
		row.className = 'message-actions';
		if (assistant) {
			const body = article.querySelector('.assistant-body');
			let footer = body.querySelector(':scope > .message-footer');
			if (!footer) {
				footer = document.createElement('div');
				footer.className = 'message-footer';
				body.append(footer);
			}
			footer.append(row);
		}
		else {
			article.append(row);
		}
	}
	row.replaceChildren();
	if (Number(article.dataset.siblingCount || 1) > 1) row.append(siblingNav(article, onSibling));
	if (id && !streaming) {
		if (assistant) {
			const view = viewOf(article);
			if (view?.content) {
				row.append(copyButton({ className: 'action-button action-copy', label: 'Copy answer', text: () => view.content }));
			}
			if (onRetryRelay && article.dataset.thinker && article.dataset.status === 'FAILED' && view?.reasoning) {
				// The thinking was paid for and kept: answer again from it, without thinking again.
				const retry = actionButton('action-retry', 'regenerate', 'Retry with the same reasoning');
				const label = document.createElement('span');
				label.textContent = 'Retry with the same reasoning';
				retry.append(label);
				retry.addEventListener('click', () => onRetryRelay(article));
				row.append(retry);
			}
			const regenerate = actionButton('action-regenerate', 'regenerate', 'Regenerate');
			regenerate.setAttribute('aria-haspopup', 'dialog');
			regenerate.addEventListener('click', () => onRegenerate(article, regenerate));
			row.append(regenerate);
		}
		else {
			const edit = actionButton('action-edit', 'pencil', 'Edit message');
			edit.addEventListener('click', () => onEdit(article, edit));
			row.append(edit);
		}
	}
	setBusy(row, busy || streaming);
	row.hidden = !row.children.length;
}

/** While an answer runs, nothing may start another or switch the branch under it. */
export function setBusy(root, busy) {
	for (const button of root.querySelectorAll('.action-regenerate, .action-edit, .action-retry, .sibling-nav button, .compare-continue')) {
		if (busy) {
			button.dataset.wasDisabled ??= String(button.disabled);
			button.disabled = true;
		}
		else if (button.dataset.wasDisabled != null) {
			button.disabled = button.dataset.wasDisabled === 'true';
			delete button.dataset.wasDisabled;
		}
	}
}
