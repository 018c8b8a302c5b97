// The composer's presets: a "Presets" chip opens the person's presets and the shared ones (an ARIA combobox with a
// listbox, like the model picker): type to filter, ↑/↓ to move, Enter to pick, Escape to close; Alt+P opens it from
// anywhere on the page. Picking one sets the composer up as the preset says. "Save as preset…" names what the
// composer holds now, in a field inside the list (never a prompt() box). Without this script there is no chip;
// the presets page still lists them.

import { api, appUrl } from './api.js';
import { element } from './dom.js';
import { count } from './format.js';
import { icon } from './icons.js';
import { ListboxPopover } from './listbox-popover.js';
import { EFFORT_WORDS } from './reasoning-setting.js';
import { showToast } from './toast.js';

let uid = 0;

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
	if (reasoning.maxTokens) return `${count(reasoning.maxTokens)} reasoning tokens`;
	return reasoning.effort ? `${EFFORT_WORDS[reasoning.effort] ?? reasoning.effort} reasoning` : null;
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

		this.button = this.createButton();
		this.panel = this.createPanel();
		form.querySelector('.composer-options').append(this.button);
		form.querySelector('.composer-box').append(this.panel);

		document.addEventListener('keydown', (event) => {
			// Not while a modal dialog (a confirmation) holds the page: the panel would open behind it.
			if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyP' && !document.querySelector('dialog[open]')) {
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
		button.setAttribute('aria-keyshortcuts', 'Alt+P');
		button.setAttribute('aria-label', 'Presets');
		button.append(icon('layers'), element('span', 'chip-label', 'Presets'));
		button.addEventListener('click', () => (this.isOpen() ? this.close() : this.open()));
		return button;
	}

	createPanel() {
		this.popover = new ListboxPopover({
			button: this.button,
			id: this.id,
			hooks: { panel: 'preset-picker', search: 'preset-search', input: 'preset-input', list: 'preset-list' },
			label: 'Presets',
			searchLabel: 'Search presets',
			placeholder: 'Search presets',
			listLabel: 'Presets',
			onChoose: (option) => this.pick(option),
			// Escape closes the name field first, then the panel.
			onEscape: () => {
				if (this.saveForm.hidden) return false;
				this.closeSaveForm();
				return true;
			},
		});
		const { panel } = this.popover;
		this.search = this.popover.search;
		this.list = this.popover.list;
		this.search.addEventListener('input', () => this.filter());
		this.status = element('p', 'preset-empty');
		panel.append(this.popover.searchRow, this.status, this.list, this.createFooter(),
			element('p', 'listbox-hint', '↑↓ move · Enter pick · Esc close'));
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
		return this.popover.isOpen();
	}

	async open() {
		this.popover.show();
		this.closeSaveForm(false);
		this.search.focus({ preventScroll: true });
		await this.load();
	}

	close(returnFocus = false) {
		this.popover.close(returnFocus);
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
			const option = element('li', 'listbox-option preset-option');
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
		const visible = [];
		for (const option of this.list.children) {
			const haystack = `${option.dataset.name} ${describePreset(option.preset).toLowerCase()}`;
			const shown = words.every((word) => haystack.includes(word));
			option.hidden = !shown;
			if (shown) visible.push(option);
		}
		const empty = !this.presets.length ? 'No presets yet. Set the composer up, then save it as a preset.'
			: !visible.length ? 'No preset matches.' : null;
		this.showStatus(this.loadError ?? empty);
		this.popover.setVisible(visible, 0);
	}

	async pick(option) {
		// Back to the message: picking a set-up is the step before sending.
		this.close(false);
		this.form.querySelector('textarea[name="content"]')?.focus({ preventScroll: true });
		try {
			await this.apply(option.preset);
			showToast(`Using “${option.preset.name}”.`);
		}
		catch (error) {
			showToast(error.partly
				? `Using “${option.preset.name}”, but without its system prompt: ${error.message}`
				: `“${option.preset.name}” could not be applied: ${error.message}`);
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
