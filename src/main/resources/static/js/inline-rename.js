// Renaming in place: the title gives way to a text field. Enter saves, Escape cancels, leaving the field saves
// too; a blank or unchanged title is no change.

export const MAX_TITLE = 200;

/**
 * Replaces shown (an element) with a text field holding title, inside host. save(newTitle) is awaited; a rejected
 * save puts the old title back. Returns the field.
 */
export function renameInPlace({ host, shown, title, label, className, save, after = () => {} }) {
	const input = document.createElement('input');
	input.type = 'text';
	input.className = `rename-input ${className ?? ''}`.trim();
	input.value = title;
	input.maxLength = MAX_TITLE;
	input.required = true;
	input.setAttribute('aria-label', label);
	input.spellcheck = false;
	shown.hidden = true;
	host.insertBefore(input, shown.nextSibling);
	input.focus();
	input.select();

	let done = false;
	const finish = async (commit, byKeyboard) => {
		if (done) return;
		done = true;
		const next = input.value.trim();
		input.remove();
		shown.hidden = false;
		after({ byKeyboard });
		if (commit && next && next !== title) await save(next);
	};
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && !event.isComposing) {
			event.preventDefault();
			finish(true, true);
		}
		else if (event.key === 'Escape') {
			event.preventDefault();
			event.stopPropagation();
			finish(false, true);
		}
	});
	input.addEventListener('blur', () => finish(true, false));
	return input;
}
