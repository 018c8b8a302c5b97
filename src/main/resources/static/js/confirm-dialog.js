// Asks before something hard to take back, in a modal <dialog> (never window.confirm, which blocks the page and
// can't be styled). Resolves true when confirmed.

export function confirmDialog({ title, message, confirmLabel = 'OK', danger = false }) {
	return new Promise((resolve) => {
		const dialog = document.createElement('dialog');
		dialog.className = 'confirm-dialog';
		const form = document.createElement('form');
		form.method = 'dialog';
		const heading = document.createElement('h2');
		heading.className = 'confirm-title';
		heading.id = `confirm-${Date.now()}`;
		heading.textContent = title;
		const text = document.createElement('p');
		text.className = 'confirm-text';
		text.textContent = message;
		const actions = document.createElement('div');
		actions.className = 'confirm-actions';
		const cancel = document.createElement('button');
		cancel.type = 'submit';
		cancel.value = 'cancel';
		cancel.className = 'button button--ghost';
		cancel.textContent = 'Cancel';
		const confirm = document.createElement('button');
		confirm.type = 'submit';
		confirm.value = 'confirm';
		confirm.className = `button ${danger ? 'button--danger' : 'button--primary'}`;
		confirm.textContent = confirmLabel;
		actions.append(cancel, confirm);
		form.append(heading, text, actions);
		dialog.append(form);
		dialog.setAttribute('aria-labelledby', heading.id);
		const returnTo = document.activeElement;

		dialog.addEventListener('close', () => {
			dialog.remove();
			resolve(dialog.returnValue === 'confirm');
			if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
		});
		// A click on the backdrop (the dialog box itself, outside the form) cancels.
		dialog.addEventListener('click', (event) => {
			if (event.target === dialog) dialog.close('cancel');
		});
		document.body.append(dialog);
		dialog.showModal();
		confirm.focus();
	});
}
