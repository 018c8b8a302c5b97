// The composer's ways of answering (relay/composer.html): Single, the form as it is; Relay, where a reasoning model
// thinks and the composer's model answers with that reasoning; Compare, two to four set-ups answering side by side
// (a model and its reasoning level, or a relay each), with "With vs without reasoning" setting up the classic
// experiment in one click. The choices are remembered in this browser. Without this script the controls stay
// hidden and the form posts one answer.

import { api } from './api.js';
import { reasoningFor } from './composer.js';
import { element } from './dom.js';
import { icon } from './icons.js';

const STORE = 'ponder:compose';
const DEFAULT_THINKER = 'deepseek/deepseek-r1';
const MIN_COLUMNS = 2;
const MAX_COLUMNS = 4;

function remembered() {
	try {
		return JSON.parse(localStorage.getItem(STORE) ?? '{}') ?? {};
	}
	catch {
		return {};
	}
}

/** A select's value, if it offers it; else its first option's. */
function choose(select, value) {
	select.value = [...select.options].some((option) => option.value === value) ? value : select.options[0]?.value;
}

/** A preset's reasoning as a select's value; a budget has no place in these selects, so it takes their default. */
function choiceOf(reasoning) {
	if (reasoning?.hidden) return 'hidden';
	return reasoning?.effort ?? undefined;
}

export class ComposeModes {
	/**
	 * @param form the composer's form, holding .compose-modes and .compose-plan
	 * @param onChange (mode) => void, after the mode changed
	 */
	constructor(form, { onChange } = {}) {
		this.form = form;
		this.mode = 'single';
		this.onChange = onChange;
		this.fieldset = form.querySelector('.compose-modes');
		this.plan = form.querySelector('.compose-plan');
		if (!this.fieldset || !this.plan) return;
		this.model = form.querySelector('[name="model"]');
		this.effort = form.querySelector('select[name="effort"]');
		this.relayPlan = this.plan.querySelector('.relay-plan');
		this.thinker = this.relayPlan.querySelector('[data-field="thinker"]');
		this.thinkerEffort = this.relayPlan.querySelector('[data-field="thinker-effort"]');
		this.comparePlan = this.plan.querySelector('.compare-plan');
		this.list = this.comparePlan.querySelector('.compare-setups');
		this.template = this.plan.querySelector('.compare-setup-template');
		this.addButton = this.comparePlan.querySelector('.compare-add');
		this.datalist = this.plan.querySelector('datalist');

		const options = form.querySelector('.composer-options');
		this.caption = element('span', 'compose-caption compose-caption--answer', 'Answer');
		this.caption.append(element('span', 'caption-more', ' with'));
		// In compare mode the bar says what the columns are; the editor folds away after sending.
		this.summary = element('button', 'compose-summary');
		this.summary.type = 'button';
		this.summary.setAttribute('aria-controls', 'compare-plan');
		this.comparePlan.id = 'compare-plan';
		this.summaryText = element('span', 'summary-text');
		this.summary.append(this.columnsIcon(), this.summaryText, icon('caret', 'summary-caret'));
		this.summary.addEventListener('click', () => this.setExpanded(!this.expanded));
		this.expanded = true;
		options.prepend(this.caption, this.summary);

		const saved = remembered();
		this.thinker.value = saved.thinker || DEFAULT_THINKER;
		choose(this.thinkerEffort, saved.thinkerEffort ?? 'high');
		const columns = Array.isArray(saved.columns) && saved.columns.length >= MIN_COLUMNS ? saved.columns
			: this.presetColumns();
		columns.slice(0, MAX_COLUMNS).forEach((column) => this.addColumn(column));

		this.fieldset.addEventListener('change', () => this.setMode(this.fieldset.querySelector(':checked').value));
		this.addButton.addEventListener('click', () => {
			this.addColumn({ model: this.model.value.trim(), effort: this.effort.value });
			this.list.lastElementChild.querySelector('[data-field="model"]').focus();
		});
		this.comparePlan.querySelector('.compare-preset').addEventListener('click', () => this.preset());
		this.plan.addEventListener('change', () => this.save());
		this.plan.addEventListener('input', () => this.describe());
		this.plan.addEventListener('focusin', (event) => {
			if (event.target.matches('input[list]')) this.fillModels();
		});

		this.fieldset.disabled = false;
		this.fieldset.hidden = false;
		// A page that opens in compare mode shows what the columns are; one click unfolds them.
		this.expanded = false;
		this.setMode(saved.mode === 'relay' || saved.mode === 'compare' ? saved.mode : 'single', false);
	}

	/** Single, relay or compare; choosing compare unfolds its columns. */
	setMode(mode, save = true) {
		this.mode = mode;
		const radio = this.fieldset.querySelector(`input[value="${mode}"]`);
		if (radio) radio.checked = true;
		this.form.classList.toggle('is-relay', mode === 'relay');
		this.form.classList.toggle('is-compare', mode === 'compare');
		this.relayPlan.hidden = mode !== 'relay';
		if (save && mode === 'compare') this.expanded = true;
		this.setExpanded(this.expanded);
		this.renumber();
		if (save) this.save();
		this.onChange?.(mode);
	}

	setExpanded(expanded) {
		this.expanded = expanded;
		const comparing = this.mode === 'compare';
		this.comparePlan.hidden = !comparing || !expanded;
		this.plan.hidden = this.mode === 'single' || (comparing && !expanded);
		this.summary.setAttribute('aria-expanded', String(comparing && expanded));
	}

	columnsIcon() {
		const svg = this.fieldset.querySelector('input[value="compare"] ~ svg');
		return svg ? svg.cloneNode(true) : element('span');
	}

	// ----- compare columns -----

	/** The answering model alone, beside the same model answering with the thinker's reasoning. */
	presetColumns() {
		const model = this.model.value.trim();
		const thinker = this.thinker.value.trim() || DEFAULT_THINKER;
		return [
			{ model, effort: this.effort.value },
			{ model, effort: this.effort.value, thinker, thinkerEffort: this.thinkerEffort.value },
		];
	}

	preset() {
		this.list.replaceChildren();
		this.presetColumns().forEach((column) => this.addColumn(column));
		this.save();
	}

	addColumn({ model = '', effort = 'medium', thinker = null, thinkerEffort = 'high' } = {}) {
		if (this.list.children.length >= MAX_COLUMNS) return;
		const row = this.template.content.firstElementChild.cloneNode(true);
		row.querySelector('[data-field="model"]').value = model;
		choose(row.querySelector('[data-field="effort"]'), effort);
		row.querySelector('[data-field="thinker"]').value = thinker ?? (this.thinker.value.trim() || DEFAULT_THINKER);
		choose(row.querySelector('[data-field="thinker-effort"]'), thinkerEffort);
		const relay = row.querySelector('.setup-relay');
		relay.addEventListener('click', () => {
			this.setRelay(row, relay.getAttribute('aria-pressed') !== 'true');
			this.save();
			if (relay.getAttribute('aria-pressed') === 'true') row.querySelector('[data-field="thinker"]').focus();
		});
		row.querySelector('.setup-remove').addEventListener('click', () => {
			const next = row.nextElementSibling ?? row.previousElementSibling;
			row.remove();
			this.renumber();
			this.save();
			next?.querySelector('[data-field="model"]').focus();
		});
		this.list.append(row);
		this.setRelay(row, Boolean(thinker));
		this.renumber();
	}

	setRelay(row, on) {
		row.querySelector('.setup-relay').setAttribute('aria-pressed', String(on));
		row.querySelector('.setup-thinker').hidden = !on;
		row.classList.toggle('is-relay', on);
		this.describe();
	}

	renumber() {
		const rows = [...this.list.children];
		rows.forEach((row, index) => {
			row.querySelector('.compare-number').textContent = String(index + 1);
			row.querySelector('[data-field="model"]').setAttribute('aria-label', `Column ${index + 1}: model`);
			row.querySelector('[data-field="effort"]').setAttribute('aria-label', `Column ${index + 1}: reasoning`);
			row.querySelector('.setup-remove').disabled = rows.length <= MIN_COLUMNS;
		});
		this.addButton.disabled = rows.length >= MAX_COLUMNS;
		this.describe();
	}

	/** "3 answers: gpt-4o-mini · gpt-4o-mini with deepseek-r1 · claude-sonnet-4" */
	describe() {
		const short = (id) => id.slice(id.lastIndexOf('/') + 1) || id;
		const columns = this.columns();
		const count = element('span', 'summary-count', `${columns.length} answers`);
		const names = columns.map((column) => {
			const model = column.model ? short(column.model) : '?';
			return column.thinker ? `${model} with ${short(column.thinker)}` : model;
		});
		this.summaryText.replaceChildren(count, ` · ${names.join(' · ')}`);
		this.summary.title = `${columns.length} answers side by side. ${this.expanded ? 'Hide' : 'Change'} the columns`;
	}

	columns() {
		return [...this.list.children].map((row) => {
			const relayed = row.classList.contains('is-relay');
			return {
				model: row.querySelector('[data-field="model"]').value.trim(),
				effort: row.querySelector('[data-field="effort"]').value,
				thinker: relayed ? row.querySelector('[data-field="thinker"]').value.trim() : null,
				thinkerEffort: row.querySelector('[data-field="thinker-effort"]').value,
			};
		});
	}

	save() {
		try {
			localStorage.setItem(STORE, JSON.stringify({ mode: this.mode, thinker: this.thinker.value.trim(),
				thinkerEffort: this.thinkerEffort.value, columns: this.columns() }));
		}
		catch {
			// Private windows may refuse storage; the choices then last as long as the page.
		}
	}

	/** Model ids for the fields' suggestions, from the endpoints' lists, once. */
	async fillModels() {
		if (this.filled) return;
		this.filled = true;
		try {
			const { models } = await api.models();
			const ids = [...new Set(models.map((model) => model.id))].slice(0, 800);
			this.datalist.replaceChildren(...ids.map((id) => new Option(id, id)));
		}
		catch {
			this.filled = false;
		}
	}

	// ----- presets -----

	/** The mode's part of a preset: {relay} or {compare}, or nothing for a single answer. */
	presetParts() {
		if (this.mode === 'relay' && this.thinker.value.trim()) {
			return { relay: { thinker: this.thinker.value.trim(), thinkerReasoning: reasoningFor(this.thinkerEffort.value) } };
		}
		if (this.mode === 'compare') {
			return {
				compare: this.columns().map((column) => ({
					model: column.model,
					reasoning: reasoningFor(column.effort),
					relay: column.thinker ? { thinker: column.thinker, thinkerReasoning: reasoningFor(column.thinkerEffort) } : null,
				})),
			};
		}
		return {};
	}

	/** Takes a preset's relay or compare, or answers singly when it has neither. */
	usePreset({ relay, compare }) {
		if (!this.fieldset) return;
		if (compare?.length) {
			this.list.replaceChildren();
			compare.slice(0, MAX_COLUMNS).forEach((column) => this.addColumn({
				model: column.model ?? this.model.value.trim(),
				effort: choiceOf(column.reasoning),
				thinker: column.relay?.thinker ?? null,
				thinkerEffort: choiceOf(column.relay?.thinkerReasoning),
			}));
			this.setMode('compare');
		}
		else if (relay) {
			this.thinker.value = relay.thinker;
			choose(this.thinkerEffort, choiceOf(relay.thinkerReasoning) ?? 'high');
			this.setMode('relay');
		}
		else {
			this.setMode('single');
		}
	}

	// ----- what is sent -----

	/**
	 * What to send for the composer's message ({content, model, endpoint, effort, reasoning}): the message itself,
	 * with a relay, or a compare ({content, endpoint, compare}). Throws an Error saying what is missing.
	 */
	request(message) {
		if (this.mode === 'relay') {
			const thinker = this.thinker.value.trim();
			if (!thinker) {
				this.thinker.focus();
				throw new Error('Choose the model that thinks, for example deepseek/deepseek-r1.');
			}
			this.save();
			return { ...message, relay: { thinker, reasoning: reasoningFor(this.thinkerEffort.value) } };
		}
		if (this.mode === 'compare') {
			const rows = [...this.list.children];
			const compare = this.columns().map((column, index) => {
				if (!column.model) {
					rows[index].querySelector('[data-field="model"]').focus();
					throw new Error(`Column ${index + 1} needs a model.`);
				}
				if (column.thinker === '') {
					rows[index].querySelector('[data-field="thinker"]').focus();
					throw new Error(`Column ${index + 1} relays: choose the model that thinks.`);
				}
				return column.thinker
					? { model: column.model, reasoning: reasoningFor(column.effort),
						relay: { thinker: column.thinker, reasoning: reasoningFor(column.thinkerEffort) } }
					: { model: column.model, reasoning: reasoningFor(column.effort) };
			});
			this.save();
			this.setExpanded(false);
			return { content: message.content, endpoint: message.endpoint, model: message.model, compare,
				attachments: message.attachments };
		}
		return message;
	}
}
