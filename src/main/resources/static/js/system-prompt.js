// A conversation's system prompt: shown folded above the thread ("System prompt · first line…", click to unfold),
// edited in place (Save or Ctrl+Enter saves, Cancel or Escape leaves it as it was) and saved with PATCH. On a new
// chat the composer's own "System prompt" box holds it until the first message takes it along.
//
// Other modules (presets) read and set a new chat's prompt through pendingPrompt() and setPendingPrompt(text).

import { api, ApiError } from './api.js';
import { element } from './dom.js';
import { icon } from './icons.js';

function composerBox() {
	return document.querySelector('#composer .composer-system');
}

/** The system prompt a new chat will start with, or null (none, or a conversation is open already). */
export function pendingPrompt() {
	const text = composerBox()?.querySelector('textarea')?.value ?? '';
	return text.trim() ? text : null;
}

/** Sets the prompt a new chat will start with; the box opens when there is one. */
export function setPendingPrompt(text) {
	const box = composerBox();
	if (!box) return;
	box.querySelector('textarea').value = text ?? '';
	box.open = Boolean(text && text.trim());
}

function firstLine(text) {
	return text.split('\n').map((line) => line.trim()).find(Boolean) ?? '';
}

export class SystemPrompt {
	/** @param details the <details class="system-prompt"> above the thread */
	constructor(details, { conversationId }) {
		this.details = details;
		this.conversationId = conversationId;
		this.first = details.querySelector('.system-prompt-first');
		this.text = details.querySelector('.system-prompt-text');
		this.prompt = this.details.hidden ? null : this.text.textContent;
		this.editor = null;
		const edit = element('button', 'button button--ghost system-prompt-edit');
		edit.type = 'button';
		edit.append(icon('pencil'), 'Edit');
		edit.addEventListener('click', () => this.edit());
		details.querySelector('.system-prompt-body').append(edit);
	}

	/** The conversation now open (a new chat's first message created it), with the prompt it was sent with. */
	adopt(id, prompt) {
		this.conversationId = id;
		composerBox()?.remove();
		this.show(prompt);
	}

	/** Shows a prompt (null: none) as saved. */
	show(prompt) {
		this.prompt = prompt && prompt.trim() ? prompt.trim() : null;
		this.details.hidden = !this.prompt;
		this.first.textContent = this.prompt ? firstLine(this.prompt) : '';
		this.text.textContent = this.prompt ?? '';
	}

	/** Opens the editor in place of the folded prompt; Save, Cancel and Escape give focus back to opener. */
	edit(opener = document.activeElement) {
		if (!this.conversationId) return;
		if (this.editor) {
			this.editor.querySelector('textarea').focus();
			return;
		}
		const form = element('form', 'system-prompt-editor');
		form.setAttribute('aria-label', 'System prompt');
		const label = element('label', 'field-label', 'System prompt');
		label.htmlFor = 'system-prompt-input';
		const input = element('textarea', 'field-input field-textarea system-prompt-input');
		input.id = 'system-prompt-input';
		input.rows = 5;
		// The server's limit, written on the page (Conversation.MAX_SYSTEM_PROMPT_LENGTH).
		const maxLength = Number(this.details.dataset.maxLength);
		if (maxLength > 0) input.maxLength = maxLength;
		input.placeholder = 'Instructions sent first on every turn, e.g. Answer briefly, in British English.';
		input.value = this.prompt ?? '';
		const error = element('p', 'system-prompt-error');
		error.setAttribute('role', 'alert');
		error.hidden = true;
		const hint = element('span', 'system-prompt-hint', 'Ctrl+Enter saves, Esc cancels. Empty removes it.');
		const cancel = element('button', 'button button--ghost', 'Cancel');
		cancel.type = 'button';
		const save = element('button', 'button button--primary system-prompt-save', 'Save');
		save.type = 'submit';
		const actions = element('div', 'system-prompt-actions');
		actions.append(hint, cancel, save);
		form.append(label, input, error, actions);
		this.details.before(form);
		this.details.hidden = true;
		this.editor = form;

		const close = () => {
			form.remove();
			this.editor = null;
			this.show(this.prompt);
			const back = opener?.isConnected && opener !== document.body && opener.checkVisibility?.() !== false
				? opener
				: this.prompt ? this.details.querySelector('summary') : document.getElementById('composer-input');
			back?.focus({ preventScroll: true });
		};
		cancel.addEventListener('click', close);
		input.addEventListener('keydown', (event) => {
			if (event.key === 'Escape') {
				event.preventDefault();
				close();
			}
			else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
				event.preventDefault();
				form.requestSubmit();
			}
		});
		form.addEventListener('submit', async (event) => {
			event.preventDefault();
			save.disabled = true;
			try {
				const summary = await api.updateConversation(this.conversationId, { systemPrompt: input.value });
				this.prompt = summary.systemPrompt ?? null;
				close();
				if (this.prompt) this.details.open = false;
			}
			catch (failure) {
				error.textContent = failure instanceof ApiError ? failure.message : 'The system prompt could not be saved.';
				error.hidden = false;
				save.disabled = false;
			}
		});
		form.scrollIntoView({ block: 'nearest' });
		input.focus();
	}
}
