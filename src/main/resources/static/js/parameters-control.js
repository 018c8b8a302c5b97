// The composer's "Parameters" chip: a small popover with temperature, top_p, max tokens and seed, each shown only
// where the chosen model's catalog entry lists it (all four for a model no list holds). Empty means the server's
// default; the chip shows how many are set. A conversation's composer starts from its last answer's parameters.
//
// Other modules (presets) read and set the values through current() and apply(values).

import { element } from './dom.js';
import { dismissOnOutside, placeNear } from './popover.js';

/** Each parameter: its key in the API's JSON, its wire name (as a model's `parameters` lists it), and its field. */
const FIELDS = [
	{ key: 'temperature', wire: 'temperature', label: 'Temperature', hint: '0 to 2; lower is steadier', error: 'Not sent: enter a number from 0 to 2.', min: 0, max: 2, step: 0.1 },
	{ key: 'topP', wire: 'top_p', label: 'Top P', hint: 'above 0, up to 1', error: 'Not sent: enter a number above 0, up to 1.', min: 0, max: 1, step: 0.05 },
	{ key: 'maxTokens', wire: 'max_tokens', label: 'Max tokens', hint: 'answer length, apart from reasoning', error: 'Not sent: enter a whole number from 1 to 1000000.', min: 1, max: 1000000, step: 1, integer: true },
	{ key: 'seed', wire: 'seed', label: 'Seed', hint: 'for repeatable answers, where honoured', error: 'Not sent: enter a whole number.', step: 1, integer: true },
];

const EVERY = FIELDS.map((field) => field.wire);

let instance = null;

/** The values set, {temperature, topP, maxTokens, seed}, null where the server's default holds. */
export function current() {
	return instance ? instance.values() : { temperature: null, topP: null, maxTokens: null, seed: null };
}

/** What a send body carries as `parameters`: the values the chosen model takes, or undefined for none. */
export function requested() {
	return instance?.request();
}

/** Sets the values (missing or null ones go back to the server's default). */
export function apply(values) {
	instance?.set(values ?? {});
}

function parse(text, integer) {
	const trimmed = String(text ?? '').trim();
	if (!trimmed) return null;
	const number = Number(trimmed);
	if (!Number.isFinite(number)) return null;
	return integer ? Math.trunc(number) : number;
}

export class ParametersControl {
	/** @param chip the composer's <button class="chip chip--parameters"> with the starting values as data-* */
	constructor(chip) {
		this.chip = chip;
		this.badge = chip.querySelector('.chip-badge');
		this.taken = EVERY;
		this.state = {
			temperature: parse(chip.dataset.temperature),
			topP: parse(chip.dataset.topP),
			maxTokens: parse(chip.dataset.maxTokens, true),
			seed: parse(chip.dataset.seed, true),
		};
		this.popover = null;
		chip.hidden = false;
		chip.addEventListener('click', () => (this.popover ? this.close(true) : this.open()));
		instance = this;
		this.refresh();
	}

	/** Every value set, shown or not. */
	values() {
		return { ...this.state };
	}

	/** What the send body carries: the values the chosen model takes, or nothing when all are defaults. */
	request() {
		const sent = {};
		let any = false;
		for (const field of FIELDS) {
			const value = this.taken.includes(field.wire) ? this.state[field.key] : null;
			sent[field.key] = value;
			any ||= value != null;
		}
		return any ? sent : undefined;
	}

	set(values) {
		for (const field of FIELDS) {
			const value = values[field.key];
			this.state[field.key] = (value == null || value === '') ? null : parse(value, field.integer);
		}
		this.refresh();
		if (this.popover) this.fillInputs();
	}

	/** Fits the fields to a model's catalog entry (null: a model no list holds, so all four). */
	fit(model) {
		this.taken = model?.parameters ?? EVERY;
		this.refresh();
		if (this.popover) this.showFields();
	}

	refresh() {
		const set = FIELDS.filter((field) => this.taken.includes(field.wire) && this.state[field.key] != null);
		this.badge.textContent = set.length ? String(set.length) : '';
		this.badge.hidden = !set.length;
		this.chip.classList.toggle('is-set', set.length > 0);
		this.chip.title = set.length
			? `Parameters: ${set.map((field) => `${field.label.toLowerCase()} ${this.state[field.key]}`).join(', ')}`
			: 'Temperature, top_p, max tokens and seed: the server\'s defaults';
		this.chip.hidden = this.taken.length === 0 && !set.length;
	}

	open() {
		const popover = element('div', 'popover parameters-popover');
		popover.setAttribute('role', 'dialog');
		popover.setAttribute('aria-label', 'Parameters');
		const form = element('form', 'popover-form');
		form.noValidate = true;
		form.append(element('p', 'popover-title', 'Parameters'));
		this.inputs = {};
		this.rows = {};
		for (const field of FIELDS) {
			const input = element('input', 'field-input parameter-input');
			Object.assign(input, { type: 'number', name: field.key, step: String(field.step), placeholder: 'Default' });
			if (field.min != null) input.min = String(field.min);
			if (field.max != null) input.max = String(field.max);
			input.inputMode = field.integer ? 'numeric' : 'decimal';
			const label = element('label', 'field parameter-field');
			const name = element('span', 'field-label', field.label);
			const hint = element('span', 'field-hint', field.hint);
			hint.id = `parameter-hint-${field.key}`;
			input.setAttribute('aria-describedby', hint.id);
			input.addEventListener('input', () => {
				// An out-of-range or unreadable value is not sent; the hint turns into the error saying what fits.
				const valid = input.validity.valid;
				this.state[field.key] = valid ? parse(input.value, field.integer) : null;
				this.markInvalid(field, !valid);
				this.refresh();
			});
			label.append(name, input, hint);
			this.inputs[field.key] = input;
			this.rows[field.key] = label;
			form.append(label);
		}
		this.missing = element('p', 'popover-note');
		form.append(this.missing);
		const actions = element('div', 'popover-actions');
		const reset = element('button', 'button button--ghost parameters-reset', 'Reset to defaults');
		reset.type = 'button';
		const done = element('button', 'button button--primary', 'Done');
		done.type = 'submit';
		actions.append(reset, done);
		form.append(actions);
		popover.append(form);
		document.body.append(popover);
		this.popover = popover;
		this.fillInputs();
		this.showFields();

		const place = () => placeNear(popover, this.chip, { align: 'start' });
		place();
		this.chip.setAttribute('aria-expanded', 'true');
		this.stopListening = dismissOnOutside(popover, this.chip, (byKeyboard) => this.close(byKeyboard), place);
		reset.addEventListener('click', () => {
			this.set({});
			Object.values(this.inputs).find((input) => !input.closest('[hidden]'))?.focus();
		});
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			// Done keeps the popover open while a value shown is not one the model would get.
			const invalid = FIELDS.map((field) => this.inputs[field.key])
				.find((input) => !input.closest('[hidden]') && !input.validity.valid);
			if (invalid) invalid.focus();
			else this.close(true);
		});
		Object.values(this.inputs).find((input) => !input.closest('[hidden]'))?.focus();
	}

	fillInputs() {
		for (const field of FIELDS) {
			this.inputs[field.key].value = this.state[field.key] ?? '';
			this.markInvalid(field, false);
		}
	}

	markInvalid(field, invalid) {
		const input = this.inputs[field.key];
		if (invalid) input.setAttribute('aria-invalid', 'true');
		else input.removeAttribute('aria-invalid');
		this.rows[field.key].classList.toggle('is-invalid', invalid);
		this.rows[field.key].querySelector('.field-hint').textContent = invalid ? field.error : field.hint;
	}

	showFields() {
		for (const field of FIELDS) this.rows[field.key].hidden = !this.taken.includes(field.wire);
		const left = FIELDS.filter((field) => !this.taken.includes(field.wire)).map((field) => field.label.toLowerCase());
		this.missing.textContent = left.length ? `This model does not take ${left.join(', ')}.` : '';
		this.missing.hidden = !left.length;
	}

	close(returnFocus) {
		if (!this.popover) return;
		this.stopListening();
		this.popover.remove();
		this.popover = null;
		this.chip.setAttribute('aria-expanded', 'false');
		if (returnFocus) this.chip.focus({ preventScroll: true });
	}
}
