// The composer's presets: a "Presets" chip opens the person's presets and the shared ones (an ARIA combobox with a
// listbox, like the model picker): type to filter, ↑/↓ to move, Enter to pick, Escape to close; Alt+P opens it from
// anywhere on the page. Picking one sets the composer up as the preset says. "Save as preset…" names what the
// composer holds now, in a field inside the list (never a prompt() box). Without this script there is no chip;
// the presets page still lists them.

import { api, appUrl } from './api.js';
import { element } from './dom.js';
import { icon } from './icons.js';
import { showToast } from './toast.js';

let uid = 0;

const EFFORTS = { xhigh: 'extra high', high: 'high', medium: 'medium', low: 'low', minimal: 'minimal', none: 'off' };

const short = (id) => (id ? id.slice(id.lastIndexOf('/') + 1) || id : 'default model');

/** "o3-mini · high · with deepseek-r1 · system prompt": what a preset sets, in a line. */
export function describePreset(preset) {
	const parts = [];
	if (preset.compare) {
		parts.push(`${preset.compare.length} answers: ${preset.compare.map((column) => short(column.model)).join(' · ')}`);
	}
	else {
		parts.push(short(preset.model));
		const reasoning = reasoningWords(preset.reasoning);
		if (reasoning) parts.push(reasoning);
		if (preset.relay) parts.push(`thinking by ${short(preset.relay.thinker)}`);
	}
	if (preset.systemPrompt) parts.push('system prompt');
	const parameters = preset.parameters ?? {};
	if (Object.values(parameters).some((value) => value != null)) parts.push('parameters');
	return parts.join(' · ');
}

function reasoningWords(reasoning) {
	if (!reasoning) return null;
	if (reasoning.hidden) return 'hidden reasoning';
	if (reasoning.maxTokens) return `${reasoning.maxTokens.toLocaleString()} reasoning tokens`;
	return reasoning.effort ? `${EFFORTS[reasoning.effort] ?? reasoning.effort} reasoning` : null;
}

export class PresetPicker {
	/**
	 * @param form the composer's form
	 * @param current () => the composer's set-up as a preset's fields ({endpoint, model, reasoning, …})
	 * @param apply (preset) => void or a Promise: sets the composer up as the preset says
	 */
	constructor(form, { current, apply }) {
		this.form = form;
		this.current = current;
		this.apply = apply;
		this.id = `presets-${++uid}`;
		this.presets = [];
		this.visible = [];
		this.active = -1;

		this.button = this.createButton();
		this.panel = this.createPanel();
		form.querySelector('.composer-options').append(this.button);
		form.querySelector('.composer-box').append(this.panel);

		document.addEventListener('pointerdown', (event) => {
			if (this.isOpen() && !this.panel.contains(event.target) && !this.button.contains(event.target)) this.close();
		});
		document.addEventListener('keydown', (event) => {
			if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyP') {
				event.preventDefault();
				if (this.isOpen()) this.close(true);
				else this.open();
			}
		});
	}

	createButton() {
		const button = element('button', 'chip chip--presets preset-button');
		button.type = 'button';
		button.title = 'Presets (Alt+P)';
		button.setAttribute('aria-haspopup', 'dialog');
		button.setAttribute('aria-expanded', 'false');
		button.setAttribute('aria-controls', `${this.id}-panel`);
		button.setAttribute('aria-keyshortcuts', 'Alt+P');
		button.setAttribute('aria-label', 'Presets');
		button.append(icon('layers'), element('span', 'chip-label', 'Presets'));
		button.addEventListener('click', () => (this.isOpen() ? this.close() : this.open()));
		return button;
	}

	createPanel() {
		const panel = element('div', 'preset-picker');
		panel.id = `${this.id}-panel`;
		panel.hidden = true;
		panel.setAttribute('role', 'dialog');
		panel.setAttribute('aria-label', 'Presets');

		const search = element('div', 'picker-search preset-search');
		this.search = element('input', 'preset-input');
		Object.assign(this.search, { type: 'text', placeholder: 'Search presets', spellcheck: false, autocomplete: 'off' });
		this.search.setAttribute('role', 'combobox');
		this.search.setAttribute('aria-expanded', 'true');
		this.search.setAttribute('aria-autocomplete', 'list');
		this.search.setAttribute('aria-controls', `${this.id}-list`);
		this.search.setAttribute('aria-label', 'Search presets');
		search.append(icon('search'), this.search);
		this.search.addEventListener('input', () => this.filter());
		this.search.addEventListener('keydown', (event) => this.onKeydown(event));

		this.status = element('p', 'preset-empty');
		this.list = element('ul', 'preset-list');
		this.list.id = `${this.id}-list`;
		this.list.setAttribute('role', 'listbox');
		this.list.setAttribute('aria-label', 'Presets');
		this.list.addEventListener('click', (event) => {
			const option = event.target.closest('[role="option"]');
			if (option) this.pick(this.visible.indexOf(option));
		});
		this.list.addEventListener('pointermove', (event) => {
			const option = event.target.closest('[role="option"]');
			if (option) this.setActive(this.visible.indexOf(option), false);
		});

		panel.append(search, this.status, this.list, this.createFooter(),
			element('p', 'preset-hint', '↑↓ move · Enter pick · Esc close'));
		panel.addEventListener('keydown', (event) => {
			if (event.key !== 'Escape') return;
			event.preventDefault();
			event.stopPropagation();
			if (!this.saveForm.hidden) this.closeSaveForm();
			else this.close(true);
		});
		return panel;
	}

	/** "Save as preset…", then a name field with Save and Cancel; and the way to the presets page. */
	createFooter() {
		const footer = element('div', 'preset-footer');
		this.saveButton = element('button', 'plan-button preset-save-open', 'Save as preset…');
		this.saveButton.type = 'button';
		this.saveButton.prepend(icon('download'));
		this.saveButton.addEventListener('click', () => this.openSaveForm());
		const manage = element('a', 'preset-manage', 'Manage presets');
		manage.href = appUrl('presets');

		this.saveForm = element('form', 'preset-save');
		this.saveForm.hidden = true;
		this.nameInput = element('input', 'preset-name-input');
		Object.assign(this.nameInput, { type: 'text', maxLength: 100, required: true, placeholder: 'Name this set-up',
			autocomplete: 'off' });
		this.nameInput.setAttribute('aria-label', 'Preset name');
		const save = element('button', 'button button--primary preset-save-submit', 'Save');
		save.type = 'submit';
		const cancel = element('button', 'button preset-save-cancel', 'Cancel');
		cancel.type = 'button';
		cancel.addEventListener('click', () => this.closeSaveForm());
		this.saveError = element('p', 'preset-save-error');
		this.saveError.setAttribute('role', 'alert');
		this.saveError.hidden = true;
		this.saveForm.append(this.nameInput, save, cancel, this.saveError);
		this.saveForm.addEventListener('submit', (event) => {
			event.preventDefault();
			this.saveCurrent();
		});

		footer.append(this.saveButton, manage, this.saveForm);
		return footer;
	}

	isOpen() {
		return !this.panel.hidden;
	}

	async open() {
		this.panel.hidden = false;
		this.button.setAttribute('aria-expanded', 'true');
		this.search.value = '';
		this.closeSaveForm(false);
		this.search.focus({ preventScroll: true });
		await this.load();
	}

	close(returnFocus = false) {
		if (!this.isOpen()) return;
		this.panel.hidden = true;
		this.button.setAttribute('aria-expanded', 'false');
		this.search.removeAttribute('aria-activedescendant');
		if (returnFocus) this.button.focus();
	}

	/** The list is read again at each opening: presets change on their page, and in other tabs. */
	async load() {
		this.loadError = null;
		if (!this.presets.length) this.showStatus('Loading presets…');
		try {
			this.presets = await api.presets();
		}
		catch (error) {
			this.loadError = error.message;
		}
		this.render();
	}

	showStatus(text) {
		this.status.textContent = text ?? '';
		this.status.hidden = !text;
	}

	render() {
		this.list.replaceChildren(...this.presets.map((preset, index) => {
			const option = element('li', 'preset-option');
			option.id = `${this.id}-option-${index}`;
			option.setAttribute('role', 'option');
			option.setAttribute('aria-selected', 'false');
			option.dataset.name = preset.name.toLowerCase();
			option.preset = preset;
			const text = element('span', 'opt-text');
			const main = element('span', 'opt-main');
			main.append(element('span', 'opt-name', preset.name));
			if (preset.shared) main.append(element('span', `opt-badge${preset.mine ? '' : ' opt-badge--quiet'}`, 'Shared'));
			text.append(main, element('span', 'opt-sub', describePreset(preset)));
			option.append(text);
			return option;
		}));
		this.filter();
	}

	filter() {
		const words = this.search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
		this.visible = [];
		for (const option of this.list.children) {
			const haystack = `${option.dataset.name} ${describePreset(option.preset).toLowerCase()}`;
			const shown = words.every((word) => haystack.includes(word));
			option.hidden = !shown;
			if (shown) this.visible.push(option);
		}
		const empty = !this.presets.length ? 'No presets yet. Set the composer up, then save it as a preset.'
			: !this.visible.length ? 'No preset matches.' : null;
		this.showStatus(this.loadError ?? empty);
		this.setActive(this.visible.length ? 0 : -1);
	}

	setActive(index, scroll = true) {
		// By the list, not by index: filtering renumbers the visible options.
		this.list.querySelector('.is-active')?.classList.remove('is-active');
		this.active = index;
		const option = this.visible[index];
		if (!option) {
			this.search.removeAttribute('aria-activedescendant');
			return;
		}
		option.classList.add('is-active');
		this.search.setAttribute('aria-activedescendant', option.id);
		if (scroll) option.scrollIntoView({ block: 'nearest' });
	}

	onKeydown(event) {
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			if (!this.visible.length) return;
			const step = event.key === 'ArrowDown' ? 1 : -1;
			this.setActive((this.active + step + this.visible.length) % this.visible.length);
		}
		else if (event.key === 'Enter' && !event.isComposing) {
			event.preventDefault();
			this.pick(this.active);
		}
	}

	async pick(index) {
		const option = this.visible[index];
		if (!option) return;
		// Back to the message: picking a set-up is the step before sending.
		this.close(false);
		this.form.querySelector('textarea[name="content"]')?.focus({ preventScroll: true });
		try {
			await this.apply(option.preset);
			showToast(`Using “${option.preset.name}”.`);
		}
		catch (error) {
			showToast(`“${option.preset.name}” could not be applied: ${error.message}`);
		}
	}

	openSaveForm() {
		this.saveButton.hidden = true;
		this.saveForm.hidden = false;
		this.saveError.hidden = true;
		this.nameInput.value = '';
		this.nameInput.focus();
	}

	closeSaveForm(focus = true) {
		this.saveForm.hidden = true;
		this.saveButton.hidden = false;
		if (focus && this.isOpen()) this.search.focus({ preventScroll: true });
	}

	async saveCurrent() {
		const name = this.nameInput.value.trim();
		if (!name) {
			this.showSaveError('Give the preset a name.');
			return;
		}
		try {
			const saved = await api.createPreset({ name, ...this.current() });
			this.closeSaveForm();
			showToast(`Saved “${saved.name}”.`);
			await this.load();
		}
		catch (error) {
			this.showSaveError(error.message);
		}
	}

	showSaveError(message) {
		this.saveError.textContent = message;
		this.saveError.hidden = false;
		this.nameInput.focus();
	}
}
