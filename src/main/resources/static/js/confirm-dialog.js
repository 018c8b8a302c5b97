// Modal dialogs: the one shell (modal) and, on it, the question asked before something hard to take back
// (confirmDialog; never window.confirm, which blocks the page and can't be styled).

import { element } from './dom.js';

let dialogs = 0;

/**
 * Opens a modal <dialog> labelled by its title, with body nodes and a row of action buttons, and returns it.
 * Everything sits in one inner box (a <form method="dialog"> when asForm, so its submit buttons close the dialog
 * with their value) and the <dialog> itself has no padding: only a click on the backdrop, outside the box, closes
 * it. Escape closes it too. On close the dialog is removed, onClose(returnValue) runs, and focus goes back to
 * where it was.
 */
export function modal({ title, body = [], actions = [], className = '', asForm = false, onClose = () => {} }) {
	const dialog = element('dialog', `modal ${className}`.trim());
	const box = element(asForm ? 'form' : 'div', 'modal-box');
	if (asForm) box.method = 'dialog';
	const heading = element('h2', 'modal-title', title);
	heading.id = `modal-title-${++dialogs}`;
	dialog.setAttribute('aria-labelledby', heading.id);
	const row = element('div', 'modal-actions');
	row.append(...actions);
	box.append(heading, ...body, row);
	dialog.append(box);
	const returnTo = document.activeElement;

	dialog.addEventListener('close', () => {
		dialog.remove();
		onClose(dialog.returnValue);
		if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
	});
	dialog.addEventListener('click', (event) => {
		if (event.target === dialog) dialog.close('cancel');
	});
	document.body.append(dialog);
	dialog.showModal();
	return dialog;
}

/** Asks before something hard to take back; resolves true when confirmed. */
export function confirmDialog({ title, message, confirmLabel = 'OK', danger = false }) {
	return new Promise((resolve) => {
		const cancel = element('button', 'button button--ghost', 'Cancel');
		cancel.type = 'submit';
		cancel.value = 'cancel';
		const confirm = element('button', `button ${danger ? 'button--danger' : 'button--primary'}`, confirmLabel);
		confirm.type = 'submit';
		confirm.value = 'confirm';
		modal({
			title,
			body: [element('p', 'modal-text', message)],
			actions: [cancel, confirm],
			className: 'confirm-dialog',
			asForm: true,
			onClose: (value) => resolve(value === 'confirm'),
		});
		confirm.focus();
	});
}
