// Editing a sent message: its bubble turns into a text box with Cancel and Send. Enter sends, Shift+Enter breaks
// the line, Escape cancels. Sending makes a new version beside the old one; the old one stays.

/** Opens the editor in a user article. send(text) is called with the new text; returns {close}. */
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
	form.append(label, area, actions);

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
		send(text);
	});
	return { close };
}
