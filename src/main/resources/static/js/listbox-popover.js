// A searchable list in a panel above the composer's bar, opened by a chip: the model picker and the presets. The
// search field is an ARIA combobox over a listbox: type to filter, ↑/↓ to move (Ctrl+Home and Ctrl+End to the
// ends), Enter to choose, Escape to close. A pointer pressed outside closes it, and opening one closes the other
// (they sit in the same place). Its owner builds the options (class listbox-option), filters them, hands the shown
// ones to setVisible(), and says what choosing one does.
//
// Styles go by the listbox-* classes; each owner adds its own class to the parts (hooks) for its extra styles and
// for tests.

import { element } from './dom.js';
import { icon } from './icons.js';
import { oneOfThePanels } from './popover.js';

export class ListboxPopover {
	/**
	 * @param button the chip that opens the panel (its aria-expanded and aria-controls are kept here)
	 * @param id the prefix of the panel's and the list's ids
	 * @param hooks the owner's classes: {panel, search, input, list}
	 * @param label the panel's name; searchLabel and placeholder the search field's; listLabel the list's
	 * @param onChoose (option) => void: an option clicked, or Enter on the active one
	 * @param onClick (option, event) => boolean, optional: true when the owner handled a click inside an option
	 * @param onKey (event) => boolean, optional: true when the owner handled a key in the search field
	 * @param onEscape () => boolean, optional: true when the owner handled Escape (closing something inside)
	 */
	constructor({ button, id, hooks, label, searchLabel, placeholder, listLabel, onChoose, onClick, onKey, onEscape }) {
		this.button = button;
		this.onChoose = onChoose;
		this.onKey = onKey ?? (() => false);
		this.visible = [];
		this.active = -1;
		this.activeOption = null;

		this.panel = element('div', `listbox-panel ${hooks.panel}`);
		this.panel.id = `${id}-panel`;
		this.panel.hidden = true;
		this.panel.setAttribute('role', 'dialog');
		this.panel.setAttribute('aria-label', label);
		button.setAttribute('aria-haspopup', 'dialog');
		button.setAttribute('aria-expanded', 'false');
		button.setAttribute('aria-controls', this.panel.id);

		this.searchRow = element('div', `listbox-search ${hooks.search}`);
		this.search = element('input', `listbox-input ${hooks.input}`);
		Object.assign(this.search, { type: 'text', placeholder, spellcheck: false, autocomplete: 'off' });
		this.search.setAttribute('role', 'combobox');
		this.search.setAttribute('aria-expanded', 'true');
		this.search.setAttribute('aria-autocomplete', 'list');
		this.search.setAttribute('aria-controls', `${id}-list`);
		this.search.setAttribute('aria-label', searchLabel);
		this.searchRow.append(icon('search'), this.search);
		this.search.addEventListener('keydown', (event) => this.onKeydown(event));

		this.list = element('ul', `listbox-list ${hooks.list}`);
		this.list.id = `${id}-list`;
		this.list.setAttribute('role', 'listbox');
		this.list.setAttribute('aria-label', listLabel);
		this.list.addEventListener('click', (event) => {
			const option = event.target.closest('[role="option"]');
			if (option && !onClick?.(option, event)) this.onChoose(option);
		});
		this.list.addEventListener('pointermove', (event) => {
			const option = event.target.closest('[role="option"]');
			if (option && !option.hidden) this.setActive(this.visible.indexOf(option), false);
		});

		this.panel.addEventListener('keydown', (event) => {
			if (event.key !== 'Escape') return;
			event.preventDefault();
			event.stopPropagation();
			if (!onEscape?.()) this.close(true);
		});
		this.closeOthers = oneOfThePanels(this, () => this.close());
		document.addEventListener('pointerdown', (event) => {
			if (this.isOpen() && !this.panel.contains(event.target) && !button.contains(event.target)) this.close();
		});
	}

	isOpen() {
		return !this.panel.hidden;
	}

	/** Shows the panel with an empty search; the owner then fills and filters the list, and focuses the search. */
	show() {
		this.closeOthers();
		this.panel.hidden = false;
		this.button.setAttribute('aria-expanded', 'true');
		this.search.value = '';
	}

	close(returnFocus = false) {
		if (!this.isOpen()) return;
		this.panel.hidden = true;
		this.button.setAttribute('aria-expanded', 'false');
		this.search.removeAttribute('aria-activedescendant');
		if (returnFocus) this.button.focus();
	}

	/** The options shown now, in order, and which of them is active (-1: none). */
	setVisible(options, active) {
		this.visible = options;
		this.setActive(options.length ? active : -1);
	}

	setActive(index, scroll = true) {
		// By the element, not by index: filtering renumbers the visible options.
		this.activeOption?.classList.remove('is-active');
		this.active = index;
		const option = this.visible[index];
		this.activeOption = option ?? null;
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
		else if (event.key === 'Home' && event.ctrlKey) {
			event.preventDefault();
			this.setActive(0);
		}
		else if (event.key === 'End' && event.ctrlKey) {
			event.preventDefault();
			this.setActive(this.visible.length - 1);
		}
		else if (event.key === 'Enter' && !event.isComposing) {
			event.preventDefault();
			const option = this.visible[this.active];
			if (option) this.onChoose(option);
		}
		else if (this.onKey(event)) {
			event.preventDefault();
		}
	}
}
