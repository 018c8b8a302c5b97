// The model picker: the composer's model chip becomes a button that opens a searchable list of every
// endpoint's models (an ARIA combobox with a listbox). Type to filter by name or id, arrows to move,
// Enter to choose, Escape to close, Alt+S to star. Starred and recent models come first; an id that no
// list holds can still be typed and used. Without this script the chip stays a plain text field.

import { element } from './dom.js';
import { cost } from './format.js';
import { icon } from './icons.js';
import { formatContext, keyOf } from './model-catalog.js';
import { ListboxPopover } from './listbox-popover.js';

let uid = 0;

export class ModelPicker {
	/**
	 * @param chip the <label class="chip chip--model"> holding input[name=model]
	 * @param endpointInput input[name=endpoint]
	 * @param catalog a loaded (or failed) ModelCatalog
	 * @param onChange ({endpoint, id, model}) => void; model is null for an id no list holds
	 */
	constructor(chip, endpointInput, catalog, { onChange }) {
		this.chip = chip;
		this.input = chip.querySelector('input[name="model"]');
		this.endpointInput = endpointInput;
		this.catalog = catalog;
		this.onChange = onChange;
		this.id = `picker-${++uid}`;
		this.options = [];
		this.listed = [];
		this.optionCount = 0;
		this.built = false;
		this.reasoningOnly = false;
		this.endpointFilter = null;

		this.button = this.createButton();
		this.panel = this.createPanel();
		chip.hidden = true;
		chip.after(this.button);
		chip.closest('.composer-box').append(this.panel);
		this.renderButton();
	}

	/** The options shown now, in order. */
	get visible() {
		return this.popover.visible;
	}

	get endpoint() {
		return this.endpointInput.value || 'openrouter';
	}

	get modelId() {
		return this.input.value.trim();
	}

	/** The chosen model's catalog entry, or null when no list holds it. */
	get selected() {
		return this.catalog.find(this.endpoint, this.modelId);
	}

	// ----- button -----

	createButton() {
		const button = element('button', 'chip chip--model model-button');
		button.type = 'button';
		button.title = 'Model';
		button.append(this.chip.querySelector('svg').cloneNode(true), element('span', 'model-button-name'),
			element('span', 'model-button-endpoint'), icon('caret', 'model-button-caret'));
		button.addEventListener('click', () => (this.isOpen() ? this.close() : this.open()));
		return button;
	}

	renderButton() {
		const model = this.selected;
		this.button.querySelector('.model-button-name').textContent = model ? model.name : (this.modelId || 'Choose a model');
		const endpointLabel = this.button.querySelector('.model-button-endpoint');
		endpointLabel.textContent = this.endpoint;
		endpointLabel.hidden = this.catalog.endpoints().length < 2 && this.endpoint === 'openrouter';
		endpointLabel.classList.toggle('is-default', this.endpoint === 'openrouter');
		this.button.setAttribute('aria-label', `Model: ${model ? model.name : this.modelId} on ${this.endpoint}. Change model`);
	}

	// ----- panel -----

	createPanel() {
		this.popover = new ListboxPopover({
			button: this.button,
			id: this.id,
			hooks: { panel: 'picker', search: 'picker-search', input: 'picker-input', list: 'picker-list' },
			label: 'Choose a model',
			searchLabel: 'Search models',
			placeholder: 'Search models by name or id',
			listLabel: 'Models',
			onChoose: (option) => this.choose(option),
			onClick: (option, event) => {
				if (!event.target.closest('.opt-star')) return false;
				this.toggleStar(option);
				return true;
			},
			onKey: (event) => {
				if (!event.altKey || !(event.key === 's' || event.key === 'S' || event.code === 'KeyS')) return false;
				const option = this.visible[this.popover.active];
				if (option && option !== this.typedOption) this.toggleStar(option);
				return true;
			},
		});
		const { panel } = this.popover;
		this.search = this.popover.search;
		this.list = this.popover.list;

		const filters = element('div', 'picker-filters');
		this.reasoningToggle = element('button', 'filter-chip', 'Can reason');
		this.reasoningToggle.type = 'button';
		this.reasoningToggle.setAttribute('aria-pressed', 'false');
		this.reasoningToggle.addEventListener('click', () => {
			this.reasoningOnly = !this.reasoningOnly;
			this.reasoningToggle.setAttribute('aria-pressed', String(this.reasoningOnly));
			this.filter();
		});
		filters.append(this.reasoningToggle);
		this.endpointChips = element('div', 'picker-endpoints');
		filters.append(this.endpointChips);
		this.count = element('span', 'picker-count');
		this.count.setAttribute('aria-live', 'polite');
		filters.append(this.count);

		this.status = element('p', 'picker-status');
		const hint = element('p', 'listbox-hint', '↑↓ move · Enter choose · Alt+S star · Esc close');

		panel.append(this.popover.searchRow, filters, this.status, this.list, hint);
		this.search.addEventListener('input', () => this.filter());
		return panel;
	}

	isOpen() {
		return this.popover.isOpen();
	}

	open() {
		if (!this.built) this.build();
		this.buildPinned();
		this.popover.show();
		this.filter();
		const current = this.visible.findIndex((option) => option.dataset.key === keyOf(this.endpoint, this.modelId));
		this.popover.setActive(current >= 0 ? current : 0);
		this.search.focus({ preventScroll: true });
	}

	close(returnFocus = false) {
		this.popover.close(returnFocus);
	}

	// ----- options -----

	/** Builds every option once; filtering only shows and hides them. */
	build() {
		this.built = true;
		const fragment = document.createDocumentFragment();
		this.typed = this.section(fragment, 'Typed');
		this.typedOption = this.createTypedOption();
		this.typed.list.append(this.typedOption);

		this.starredSection = this.section(fragment, 'Starred');
		this.recentSection = this.section(fragment, 'Recent');
		this.endpointSections = new Map();
		for (const model of this.catalog.models) {
			if (!this.endpointSections.has(model.endpoint)) {
				this.endpointSections.set(model.endpoint, this.section(fragment, model.endpoint));
			}
			this.listed.push(this.addOption(this.endpointSections.get(model.endpoint), model));
		}
		this.list.append(fragment);
		this.buildEndpointChips();
		this.sections = [this.typed, this.starredSection, this.recentSection, ...this.endpointSections.values()];
		if (this.catalog.error) this.status.textContent = `${this.catalog.error} You can still type a model id.`;
		else if (this.catalog.stale) this.status.textContent = 'Some lists may be out of date: an endpoint did not answer its last check.';
		this.status.hidden = !this.status.textContent;
	}

	/** Starred and recent models, at the top; they change between openings, so they are built each time. */
	buildPinned() {
		const models = (keys) => keys.map((key) => this.catalog.byKey.get(key)).filter(Boolean);
		this.starredSection.list.replaceChildren();
		this.recentSection.list.replaceChildren();
		const pinned = [
			...models([...this.catalog.starred]).map((model) => this.addOption(this.starredSection, model)),
			...models(this.catalog.recent).map((model) => this.addOption(this.recentSection, model)),
		];
		this.options = [...pinned, ...this.listed];
	}

	section(parent, title) {
		const item = element('li', 'picker-group');
		item.setAttribute('role', 'presentation');
		const heading = element('p', 'picker-group-title', title);
		heading.id = `${this.id}-g${parent.childElementCount}`;
		const list = element('ul', 'picker-group-list');
		list.setAttribute('role', 'group');
		list.setAttribute('aria-labelledby', heading.id);
		item.append(heading, list);
		parent.append(item);
		return { item, list };
	}

	addOption(section, model) {
		const option = element('li', 'listbox-option picker-option');
		option.id = `${this.id}-o${++this.optionCount}`;
		option.setAttribute('role', 'option');
		option.setAttribute('aria-selected', 'false');
		const key = keyOf(model.endpoint, model.id);
		option.dataset.key = key;
		option.dataset.search = `${model.id} ${model.name}`.toLowerCase();
		option.dataset.reasoning = String(model.reasoning);
		option.dataset.endpoint = model.endpoint;
		if (!model.available) option.classList.add('is-unavailable');

		const main = element('span', 'opt-main');
		main.append(element('span', 'opt-name', model.name));
		if (model.reasoning) main.append(element('span', 'opt-badge', 'reasons'));
		else if (!model.reasoningKnown) main.append(element('span', 'opt-badge opt-badge--quiet', 'reasoning unknown'));
		const sub = element('span', 'opt-sub');
		sub.append(element('code', 'opt-id', model.id), element('span', 'opt-endpoint', model.endpoint));
		const context = formatContext(model.contextLength);
		if (context) sub.append(element('span', 'opt-fact opt-fact--context', `${context} context`));
		const prompt = cost(model.pricing?.prompt);
		const completion = cost(model.pricing?.completion);
		if (prompt && completion) {
			const price = prompt === 'free' && completion === 'free' ? 'free' : `${prompt} in · ${completion} out /M`;
			const fact = element('span', 'opt-fact opt-fact--price', price);
			fact.title = 'US dollars per million tokens, prompt and completion';
			sub.append(fact);
		}
		const text = element('span', 'opt-text');
		text.append(main, sub);
		if (!model.available) text.append(element('span', 'opt-reason', model.unavailableReason || 'Unavailable right now'));

		const star = element('button', 'opt-star');
		star.type = 'button';
		star.tabIndex = -1;
		star.setAttribute('aria-hidden', 'true');
		star.title = 'Star (Alt+S)';
		star.append(icon('star'));
		option.append(text, star);
		option.classList.toggle('is-starred', this.catalog.isStarred(key));
		section.list.append(option);
		return option;
	}

	createTypedOption() {
		const option = element('li', 'listbox-option picker-option picker-option--typed');
		option.id = `${this.id}-typed`;
		option.setAttribute('role', 'option');
		option.setAttribute('aria-selected', 'false');
		const text = element('span', 'opt-text');
		text.append(element('span', 'opt-main'), element('span', 'opt-sub'));
		option.append(text);
		return option;
	}

	buildEndpointChips() {
		const endpoints = this.catalog.endpoints();
		this.endpointChips.hidden = endpoints.length < 2;
		for (const name of endpoints) {
			const chip = element('button', 'filter-chip', name);
			chip.type = 'button';
			chip.dataset.endpoint = name;
			chip.setAttribute('aria-pressed', 'false');
			chip.addEventListener('click', () => {
				this.endpointFilter = this.endpointFilter === name ? null : name;
				for (const other of this.endpointChips.children) {
					other.setAttribute('aria-pressed', String(other.dataset.endpoint === this.endpointFilter));
				}
				this.filter();
			});
			this.endpointChips.append(chip);
		}
	}

	// ----- filtering -----

	filter() {
		const query = this.search.value.trim();
		const words = query.toLowerCase().split(/\s+/).filter(Boolean);
		let shown = 0;
		for (const option of this.options) {
			const match = (!this.reasoningOnly || option.dataset.reasoning === 'true')
				&& (!this.endpointFilter || option.dataset.endpoint === this.endpointFilter)
				&& words.every((word) => option.dataset.search.includes(word));
			option.hidden = !match;
			if (match) shown++;
		}
		const exact = this.options.some((option) => !option.hidden && option.dataset.key.endsWith(` ${query}`));
		const typedEndpoint = this.endpointFilter ?? this.endpoint;
		const showTyped = query.length > 0 && !exact && /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/.test(query);
		this.typedOption.hidden = !showTyped;
		if (showTyped) {
			this.typedOption.dataset.key = keyOf(typedEndpoint, query);
			this.typedOption.querySelector('.opt-main').textContent = `Use “${query}” as typed`;
			this.typedOption.querySelector('.opt-sub').textContent = `on ${typedEndpoint}: no list holds this id, it is sent as it is`;
		}
		for (const section of this.sections) {
			section.item.hidden = ![...section.list.children].some((option) => !option.hidden);
		}
		const visible = [...this.list.querySelectorAll('[role="option"]:not([hidden])')];
		const models = visible.length - (showTyped ? 1 : 0);
		this.count.textContent = models === 1 ? '1 model' : `${models.toLocaleString()} models`;
		// The typed id comes first, but a listed match is the better guess for Enter.
		this.popover.setVisible(visible, showTyped && models > 0 ? 1 : 0);
	}

	toggleStar(option) {
		const starred = this.catalog.toggleStar(option.dataset.key);
		for (const other of this.options) {
			if (other.dataset.key === option.dataset.key) other.classList.toggle('is-starred', starred);
		}
	}

	choose(option) {
		const key = option.dataset.key;
		const space = key.indexOf(' ');
		this.select(key.slice(0, space), key.slice(space + 1));
		this.close(true);
	}

	/** Makes endpoint/id the composer's model. */
	select(endpoint, id) {
		this.endpointInput.value = endpoint;
		this.input.value = id;
		for (const option of this.options) {
			option.setAttribute('aria-selected', String(option.dataset.key === keyOf(endpoint, id)));
		}
		this.renderButton();
		this.onChange?.({ endpoint, id, model: this.selected });
	}
}
