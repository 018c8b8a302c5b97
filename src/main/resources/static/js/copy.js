// Copy buttons: on answers, on reasoning and on code blocks. They copy the raw text (Markdown as the model wrote
// it, code as it is), never the rendered HTML, and say "Copied" for a moment.

import { icon } from './icons.js';

const FEEDBACK_MS = 1600;

/** Puts text on the clipboard; the textarea fallback serves pages on plain http, where navigator.clipboard is absent. */
export async function copyText(text) {
	if (navigator.clipboard && window.isSecureContext) {
		try {
			await navigator.clipboard.writeText(text);
			return true;
		}
		catch {
			// fall back below (a denied permission, an unfocused document)
		}
	}
	const area = document.createElement('textarea');
	area.value = text;
	area.setAttribute('readonly', '');
	area.style.position = 'fixed';
	area.style.opacity = '0';
	document.body.append(area);
	area.select();
	let copied = false;
	try {
		copied = document.execCommand('copy');
	}
	catch {
		copied = false;
	}
	area.remove();
	return copied;
}

/**
 * A button that copies text() when pressed. label is its accessible name ("Copy answer"); with visibleLabel the
 * word "Copy" shows beside the icon, otherwise only the icon until "Copied" appears.
 */
export function copyButton({ className, label, text, visibleLabel = false }) {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = `copy-button ${className ?? ''}`.trim();
	button.title = label;
	button.setAttribute('aria-label', label);
	const word = document.createElement('span');
	word.className = 'copy-label';
	word.textContent = visibleLabel ? 'Copy' : '';
	button.append(icon('copy', 'copy-icon'), icon('check', 'copied-icon'), word);
	let timer = 0;
	button.addEventListener('click', async (event) => {
		event.preventDefault();
		event.stopPropagation();
		const ok = await copyText(text());
		word.textContent = ok ? 'Copied' : 'Copy failed';
		button.classList.add('is-copied');
		button.setAttribute('aria-label', ok ? 'Copied' : 'Copy failed');
		clearTimeout(timer);
		timer = setTimeout(() => {
			button.classList.remove('is-copied');
			word.textContent = visibleLabel ? 'Copy' : '';
			button.setAttribute('aria-label', label);
		}, FEEDBACK_MS);
	});
	return button;
}

/** Gives each rendered code block in root a copy button in its header, at the top right of the code. */
export function addCodeCopyButtons(root) {
	for (const block of root.querySelectorAll('.code-block')) {
		const head = block.querySelector('.code-head');
		const code = block.querySelector('pre code');
		if (!head || !code || head.querySelector('.copy-button')) continue;
		head.append(copyButton({ className: 'code-copy', label: 'Copy code', text: () => code.textContent, visibleLabel: true }));
	}
}

/** Gives each element marked data-copyable (a token shown once) a Copy button after it; the attribute names the button. */
export function addCopyableButtons(root) {
	for (const source of root.querySelectorAll('[data-copyable]')) {
		if (source.nextElementSibling?.classList.contains('copy-button')) continue;
		source.after(copyButton({ className: 'copyable-copy', label: source.dataset.copyable, text: () => source.textContent, visibleLabel: true }));
	}
}
