// The relay's prompt template on the settings page (relay/settings.html): Save and Reset to default go through
// PUT /api/settings/relay, and what the server refuses (a template without {reasoning}) is said beside the field,
// with the text kept as typed. Without this script the form posts.

import { appUrl } from './api.js';

export class RelaySettings {
	constructor(section) {
		this.form = section.querySelector('.relay-form');
		this.textarea = this.form.querySelector('textarea[name="template"]');
		this.error = this.form.querySelector('.form-error');
		this.status = this.form.querySelector('.relay-status');
		this.buttons = [...this.form.querySelectorAll('button')];
		this.form.addEventListener('submit', (event) => {
			event.preventDefault();
			const reset = event.submitter?.classList.contains('relay-reset') ?? false;
			this.save(reset ? '' : this.textarea.value, reset);
		});
		this.textarea.addEventListener('input', () => this.say(''));
	}

	async save(template, reset) {
		this.buttons.forEach((button) => {
			button.disabled = true;
		});
		this.showError(null);
		try {
			const response = await fetch(appUrl('api/settings/relay'), {
				method: 'PUT',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...this.csrf() },
				body: JSON.stringify({ template }),
				credentials: 'same-origin',
			});
			const body = await response.json().catch(() => ({}));
			if (!response.ok) {
				this.showError(body.detail || `The template could not be saved (HTTP ${response.status}).`);
				this.textarea.focus();
				return;
			}
			this.textarea.value = body.template;
			this.say(reset ? 'Back to the default.' : 'Saved.');
		}
		catch {
			this.showError("Couldn't reach Ponder. Check that it is running and try again.");
		}
		finally {
			this.buttons.forEach((button) => {
				button.disabled = false;
			});
		}
	}

	csrf() {
		const header = this.form.dataset.csrfHeader;
		const token = this.form.querySelector('input[name="_csrf"]')?.value;
		return header && token ? { [header]: token } : {};
	}

	showError(message) {
		this.error.textContent = message ?? '';
		this.error.classList.toggle('is-hidden', !message);
		this.textarea.setAttribute('aria-invalid', String(Boolean(message)));
	}

	say(text) {
		this.status.textContent = text;
	}
}
