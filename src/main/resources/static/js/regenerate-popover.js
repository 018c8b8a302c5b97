// "Regenerate with…": a small popover under an answer's Regenerate button with the model and the reasoning level,
// both as that answer had them. Enter (or the button) runs it; Escape or a click outside closes it.

import { icon } from './icons.js';
import { dismissOnOutside, placeNear } from './popover.js';

const DEFAULT_LEVELS = [['xhigh', 'Extra high'], ['high', 'High'], ['medium', 'Medium'], ['low', 'Low'],
	['minimal', 'Minimal'], ['none', 'Off'], ['hidden', 'Hidden']];

let current = null;

/** The reasoning levels the composer offers (value, label), so both speak alike. */
function levels() {
	const select = document.querySelector('#composer select[name="effort"]');
	const options = select ? [...select.options].map((o) => [o.value, o.textContent.trim()]) : [];
	return options.length ? options : DEFAULT_LEVELS;
}

/** The API's reasoning object for a choice: an effort, 'hidden', or 'budget:N' (an answer's budget). */
export function reasoningOf(choice) {
	if (choice === 'hidden') return { exclude: true };
	if (choice.startsWith('budget:')) return { maxTokens: Number(choice.slice(7)) };
	return { effort: choice };
}

function field(labelText, control) {
	const label = document.createElement('label');
	label.className = 'field';
	const text = document.createElement('span');
	text.className = 'field-label';
	text.textContent = labelText;
	label.append(text, control);
	return label;
}

/**
 * Opens the popover under anchor. model and setting are the answer's (setting as {effort, maxTokens, hidden}, or
 * null); fallback is the composer's choice when the answer has none. run({model, choice}) starts it.
 */
export function showRegeneratePopover(anchor, { model, setting, fallback, run }) {
	if (current?.anchor === anchor) {
		current.close(true);
		return;
	}
	current?.close(false);

	const popover = document.createElement('div');
	popover.className = 'popover regenerate-popover';
	popover.setAttribute('role', 'dialog');
	popover.setAttribute('aria-label', 'Regenerate this answer');
	const form = document.createElement('form');
	form.className = 'popover-form';
	const title = document.createElement('p');
	title.className = 'popover-title';
	title.textContent = 'Regenerate with';

	const modelInput = document.createElement('input');
	modelInput.className = 'field-input field-input--mono';
	modelInput.name = 'model';
	modelInput.required = true;
	modelInput.value = model ?? '';
	modelInput.placeholder = 'provider/model';
	modelInput.spellcheck = false;
	modelInput.autocomplete = 'off';
	modelInput.setAttribute('autocapitalize', 'off');
	const select = document.createElement('select');
	select.className = 'field-input';
	select.name = 'reasoning';
	for (const [value, label] of levels()) select.append(new Option(label, value));
	if (setting?.maxTokens != null) {
		select.append(new Option(`Budget of ${setting.maxTokens.toLocaleString('en-US')} tokens`,
			`budget:${setting.maxTokens}`));
		select.value = `budget:${setting.maxTokens}`;
	}
	else {
		const choice = setting?.hidden ? 'hidden' : setting?.effort;
		select.value = [...select.options].some((o) => o.value === choice) ? choice : (fallback ?? 'high');
	}

	const actions = document.createElement('div');
	actions.className = 'popover-actions';
	const cancel = document.createElement('button');
	cancel.type = 'button';
	cancel.className = 'button button--ghost';
	cancel.textContent = 'Cancel';
	const submit = document.createElement('button');
	submit.type = 'submit';
	submit.className = 'button button--primary regenerate-submit';
	submit.append(icon('regenerate'), 'Regenerate');
	actions.append(cancel, submit);
	form.append(title, field('Model', modelInput), field('Reasoning', select), actions);
	popover.append(form);
	document.body.append(popover);

	const place = () => placeNear(popover, anchor);
	place();
	anchor.setAttribute('aria-expanded', 'true');
	const stop = dismissOnOutside(popover, anchor, (byKeyboard) => close(byKeyboard), place);
	function close(returnFocus) {
		if (current?.popover !== popover) return;
		current = null;
		stop();
		popover.remove();
		anchor.setAttribute('aria-expanded', 'false');
		if (returnFocus && anchor.isConnected) anchor.focus({ preventScroll: true });
	}
	current = { popover, anchor, close };

	cancel.addEventListener('click', () => close(true));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const chosen = modelInput.value.trim();
		if (!chosen) {
			modelInput.focus();
			return;
		}
		close(false);
		run({ model: chosen, choice: select.value });
	});
	select.addEventListener('keydown', (event) => {
		if (event.key === 'Enter') {
			event.preventDefault();
			form.requestSubmit();
		}
	});
	modelInput.focus();
	modelInput.select();
}
