// The composer form: Enter sends, Shift+Enter breaks the line, the box grows with its text, and while an
// answer streams the Send button gives way to Stop. Files come through its AttachmentTray; Send waits (disabled)
// while one uploads. Without this script the form simply posts, files and all.

import { AttachmentTray } from './attachment-tray.js';

export class Composer {
	/**
	 * @param form the <form class="composer">
	 * @param onSend ({content, model, endpoint, effort, reasoning, attachments}) => void; attachments are the
	 * uploaded files as the API answered them
	 * @param onStop () => void
	 * @param reasoning () => the API's reasoning object; by default read from the effort select
	 */
	constructor(form, { onSend, onStop, reasoning }) {
		this.form = form;
		this.input = form.querySelector('textarea[name="content"]');
		this.model = form.querySelector('[name="model"]');
		this.endpoint = form.querySelector('input[name="endpoint"]');
		this.reasoning = reasoning ?? (() => reasoningFor(this.effort.value));
		this.effort = form.querySelector('select[name="effort"]');
		this.sendButton = form.querySelector('.send-button');
		this.stopButton = form.querySelector('.stop-button');
		this.error = form.querySelector('.composer-error');
		this.count = form.querySelector('.composer-count');
		this.maxLength = Number(this.input.getAttribute('maxlength')) || Infinity;
		this.busy = false;
		this.onSend = onSend;
		this.onStop = onStop;
		this.attachments = new AttachmentTray(form, {
			onChange: () => this.refresh(),
			onRefuse: (sentence) => this.showError(sentence),
		});

		form.querySelector('.hint-keys')?.removeAttribute('hidden');
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.submit();
		});
		this.input.addEventListener('keydown', (event) => this.onKeydown(event));
		this.input.addEventListener('input', () => this.refresh());
		this.stopButton.addEventListener('click', () => {
			this.stopButton.disabled = true;
			this.onStop();
		});
		this.autoGrow = !CSS.supports('field-sizing', 'content');
		this.refresh();
	}

	onKeydown(event) {
		if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.isComposing || event.keyCode === 229) return;
		event.preventDefault();
		this.submit();
	}

	submit() {
		if (this.busy) return;
		const content = this.input.value;
		if (!content.trim()) return;
		if (content.length > this.maxLength) {
			this.showError(`That message is too long (${content.length.toLocaleString()} characters; the limit is ${this.maxLength.toLocaleString()}).`);
			return;
		}
		const model = this.model.value.trim();
		if (!model) {
			this.showError('Choose a model first, for example deepseek/deepseek-r1.');
			this.model.focus();
			return;
		}
		if (this.attachments.uploading) return;
		const problem = this.attachments.problem();
		if (problem) {
			this.showError(problem);
			return;
		}
		const effort = this.effort.value;
		this.clearError();
		this.onSend({ content, model, endpoint: this.endpoint?.value || undefined, effort, reasoning: this.reasoning(),
			attachments: this.attachments.sendable() });
	}

	get value() {
		return this.input.value;
	}

	set value(text) {
		this.input.value = text;
		this.refresh();
	}

	get effortValue() {
		return this.effort.value;
	}

	focus() {
		this.input.focus({ preventScroll: true });
	}

	/** While busy, Stop replaces Send; typing the next message stays possible. */
	setBusy(busy) {
		this.busy = busy;
		this.stopButton.hidden = !busy;
		this.stopButton.disabled = false;
		this.sendButton.hidden = busy;
		this.refresh();
	}

	showError(message) {
		this.error.textContent = message;
		this.error.classList.remove('is-hidden');
	}

	clearError() {
		this.error.textContent = '';
		this.error.classList.add('is-hidden');
	}

	/** Points the no-JS fallback at the conversation, once there is one. */
	setAction(url) {
		this.form.action = url;
	}

	refresh() {
		const length = this.input.value.length;
		const uploading = this.attachments?.uploading ?? false;
		this.sendButton.disabled = !this.input.value.trim() || uploading;
		this.sendButton.title = uploading ? 'Waiting for the files to upload' : 'Send';
		if (this.autoGrow) {
			this.input.style.height = 'auto';
			this.input.style.height = `${this.input.scrollHeight + 2}px`;
		}
		if (this.count && Number.isFinite(this.maxLength)) {
			const near = length > this.maxLength * 0.9;
			this.count.classList.toggle('is-hidden', !near);
			this.count.classList.toggle('is-over', length > this.maxLength);
			if (near) this.count.textContent = `${length.toLocaleString()} / ${this.maxLength.toLocaleString()}`;
		}
	}
}

/** The API's reasoning object for an effort value from the select. */
export function reasoningFor(effort) {
	if (effort === 'hidden') return { exclude: true };
	return { effort };
}
