// Editing a sent message: its bubble turns into a text box with Cancel and Send, above the files it came with
// (each with × to leave it out). Enter sends, Shift+Enter breaks the line, Escape cancels. Sending makes a new
// version beside the old one; the old one stays.

import { appUrl } from './api.js';
import { fileChip } from './attachment-tray.js';
import { attachmentsOf } from './attachment-view.js';

/**
 * Opens the editor in a user article. send(text, attachments) is called with the new text and the files kept
 * (the API's attachments, sent again by id); returns {close}.
 */
export function editMessage(article, { send, onClose }) {
	const bubble = article.querySelector('.user-bubble');
	const original = bubble.textContent;
	const form = document.createElement('form');
	form.className = 'edit-form';
	const label = document.createElement('label');
	label.className = 'visually-hidden';
	label.textContent = 'Edit your message';
	const area = document.createElement('textarea');
	area.className = 'edit-input';
	area.value = original;
	area.rows = 1;
	area.id = `edit-${article.dataset.messageId}`;
	label.htmlFor = area.id;
	const maxLength = Number(document.querySelector('#composer-input')?.getAttribute('maxlength')) || 0;
	if (maxLength) area.maxLength = maxLength;
	const actions = document.createElement('div');
	actions.className = 'edit-actions';
	const hint = document.createElement('span');
	hint.className = 'edit-hint';
	hint.textContent = 'A new version; the old one stays';
	const cancel = document.createElement('button');
	cancel.type = 'button';
	cancel.className = 'button button--ghost';
	cancel.textContent = 'Cancel';
	const submit = document.createElement('button');
	submit.type = 'submit';
	submit.className = 'button button--primary edit-send';
	submit.textContent = 'Send';
	actions.append(hint, cancel, submit);
	let kept = attachmentsOf(article);
	form.append(label, area);
	if (kept.length) {
		const files = document.createElement('ul');
		files.className = 'file-tray edit-files';
		files.setAttribute('aria-label', 'Files sent with it');
		for (const file of kept) {
			const preview = file.kind === 'image' ? appUrl(file.thumbnailUrl ?? file.url) : null;
			const chip = fileChip(file, { preview, onRemove: () => {
				kept = kept.filter((other) => other !== file);
				chip.remove();
				area.focus();
			} });
			files.append(chip);
		}
		form.append(files);
	}
	form.append(actions);

	bubble.hidden = true;
	article.classList.add('is-editing');
	bubble.after(form);
	const autoGrow = !CSS.supports('field-sizing', 'content');
	const refresh = () => {
		submit.disabled = !area.value.trim();
		if (autoGrow) {
			area.style.height = 'auto';
			area.style.height = `${area.scrollHeight + 2}px`;
		}
	};
	refresh();
	area.focus();
	area.setSelectionRange(area.value.length, area.value.length);

	let closed = false;
	const close = (returnFocus) => {
		if (closed) return;
		closed = true;
		form.remove();
		bubble.hidden = false;
		article.classList.remove('is-editing');
		onClose?.(returnFocus);
	};
	area.addEventListener('input', refresh);
	area.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') {
			event.preventDefault();
			event.stopPropagation();
			close(true);
		}
		else if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.isComposing && event.keyCode !== 229) {
			event.preventDefault();
			form.requestSubmit();
		}
	});
	cancel.addEventListener('click', () => close(true));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const text = area.value;
		if (!text.trim()) return;
		close(false);
		send(text, kept);
	});
	return { close };
}
