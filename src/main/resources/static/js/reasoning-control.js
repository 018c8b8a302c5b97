// The reasoning control: the composer's reasoning select, narrowed to what the chosen model accepts (its
// effort levels, a token budget, "Off" where reasoning can be turned off, "Hidden" where it can think
// without showing it), with a note under the composer when a model cannot show reasoning at all, is not
// listed, or its endpoint is not answering.

const LABELS = { xhigh: 'Extra high', high: 'High', medium: 'Medium', low: 'Low', minimal: 'Minimal', none: 'Off' };
const HIDDEN = 'hidden';
// A budget choice carries its tokens ("budget:4096"), the spelling the regenerate popover reads too.
const BUDGET = 'budget:';
const isBudget = (value) => value?.startsWith(BUDGET);
const EVERY = ['xhigh', 'high', 'medium', 'low', 'minimal', 'none', HIDDEN];

function option(value, label) {
	const node = document.createElement('option');
	node.value = value;
	node.textContent = label;
	return node;
}

export class ReasoningControl {
	/**
	 * @param chip the <label class="chip chip--effort"> holding select[name=effort]
	 * @param note a <p> under the composer for what the person should know about the model
	 */
	constructor(chip, note) {
		this.chip = chip;
		this.select = chip.querySelector('select[name="effort"]');
		this.note = note;
		this.budget = document.createElement('input');
		Object.assign(this.budget, { type: 'number', name: 'maxTokens', min: 1, max: 1000000, step: 1 });
		this.budget.className = 'chip-budget';
		this.budget.setAttribute('aria-label', 'Reasoning budget in tokens');
		this.budget.value = this.select.dataset.budget || '4096';
		this.budget.hidden = true;
		chip.append(this.budget);
		const suffix = document.createElement('span');
		suffix.className = 'chip-budget-unit';
		suffix.textContent = 'tokens';
		suffix.hidden = true;
		chip.append(suffix);
		this.unit = suffix;
		this.select.addEventListener('change', () => this.showBudget());
		this.budget.addEventListener('input', () => {
			const option = [...this.select.options].find((o) => isBudget(o.value));
			if (option) option.value = this.budgetChoice();
		});
		if (this.select.dataset.budget) this.wanted = this.budgetChoice();
	}

	budgetChoice() {
		return `${BUDGET}${Math.max(1, Number.parseInt(this.budget.value, 10) || 4096)}`;
	}

	/**
	 * Asks for a reasoning setting ({effort} | {maxTokens} | {hidden}) from a preset: chosen now if the select
	 * offers it, and kept for the next fit to a model, which may offer it then.
	 */
	want(reasoning) {
		if (!reasoning) return;
		let value = reasoning.effort;
		if (reasoning.hidden) value = HIDDEN;
		else if (reasoning.maxTokens) {
			this.budget.value = String(reasoning.maxTokens);
			value = this.budgetChoice();
			const option = [...this.select.options].find((o) => isBudget(o.value));
			if (option) option.value = value;
		}
		if (!value) return;
		this.wanted = value;
		if ([...this.select.options].some((o) => o.value === value)) this.select.value = value;
		this.showBudget();
	}

	/** The API's reasoning object for the current choice. */
	request() {
		const value = this.select.value;
		if (value === HIDDEN) return { exclude: true };
		if (isBudget(value)) return { maxTokens: Number(this.budgetChoice().slice(BUDGET.length)) };
		return { effort: value };
	}

	/**
	 * Fits the choices to a model: model is its catalog entry, or null when no list holds the id;
	 * listKnown says whether there is a list of the endpoint's models at all, stale whether it may be old.
	 */
	fit({ endpoint, id, model, listKnown, stale }) {
		const previous = this.wanted ?? this.select.value;
		this.wanted = null;
		const choices = this.choicesFor(model);
		this.select.replaceChildren(...choices.map(([value, label]) => option(value, label)));
		const values = choices.map(([value]) => value);
		const fallback = model?.defaultEffort && values.includes(model.defaultEffort) ? model.defaultEffort
			: values.includes('medium') ? 'medium' : values[0];
		const kept = isBudget(previous) ? values.find(isBudget) : values.find((value) => value === previous);
		this.select.value = kept ?? fallback;
		this.select.disabled = choices.length < 2;
		this.chip.classList.toggle('is-fixed', choices.length < 2);
		this.showBudget();
		this.say(this.noteFor({ endpoint, id, model, listKnown, stale }));
	}

	choicesFor(model) {
		if (!model) return EVERY.map((value) => [value, LABELS[value] ?? 'Hidden']);
		if (model.reasoningKnown && !model.reasoning) return [['none', 'No reasoning']];
		const choices = model.efforts.filter((effort) => effort !== 'none').map((effort) => [effort, LABELS[effort]]);
		if (model.reasoningBudget) choices.push([this.budgetChoice(), 'Budget…']);
		if (!choices.length) choices.push([model.defaultEffort ?? 'medium', 'On']);
		if (model.efforts.includes('none')) choices.push(['none', 'Off']);
		choices.push([HIDDEN, 'Hidden']);
		return choices;
	}

	noteFor({ endpoint, id, model, listKnown, stale }) {
		if (!id) return null;
		if (!model) {
			if (!listKnown) return null;
			return `${endpoint} does not list ${id}${stale ? ' (its list may be out of date)' : ''}; `
				+ 'it will be sent as typed, and may be refused.';
		}
		if (!model.available) return `${model.unavailableReason} Sending may fail.`;
		if (model.reasoningKnown && !model.reasoning) {
			return `${model.name} cannot show reasoning: its answers come without a thinking panel.`;
		}
		if (!model.reasoningKnown) {
			return `${endpoint} does not say whether ${model.name} reasons; its thinking shows if the server sends any.`;
		}
		if (model.reasoningMandatory) return `${model.name} always reasons; it cannot be turned off.`;
		return null;
	}

	showBudget() {
		const budget = isBudget(this.select.value);
		this.budget.hidden = !budget;
		this.unit.hidden = !budget;
	}

	say(text) {
		this.note.textContent = text ?? '';
		this.note.hidden = !text;
	}
}
