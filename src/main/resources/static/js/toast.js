// Toasts: short notes at the bottom of the page ("Conversation deleted · Undo"), announced politely to screen
// readers. Each goes after a few seconds, but not while the pointer or the focus is on it.

const DEFAULT_MS = 6000;

let region = null;

function container() {
	if (!region) {
		region = document.createElement('div');
		region.className = 'toasts';
		region.setAttribute('role', 'status');
		region.setAttribute('aria-live', 'polite');
		document.body.append(region);
	}
	return region;
}

/**
 * Shows a toast. action is {label, run}: a button that runs it and closes the toast. kind 'error' colours it.
 * Returns {close}.
 */
export function showToast(message, { action = null, kind = 'info', duration = DEFAULT_MS } = {}) {
	const toast = document.createElement('div');
	toast.className = `toast toast--${kind}`;
	const text = document.createElement('span');
	text.className = 'toast-text';
	text.textContent = message;
	toast.append(text);

	let timer = 0;
	let closed = false;
	const close = () => {
		if (closed) return;
		closed = true;
		clearTimeout(timer);
		const hadFocus = toast.contains(document.activeElement);
		toast.classList.add('is-leaving');
		setTimeout(() => toast.remove(), 180);
		if (hadFocus) document.querySelector('#composer-input, main')?.focus?.({ preventScroll: true });
	};
	const arm = () => {
		clearTimeout(timer);
		timer = setTimeout(close, duration);
	};

	if (action) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'toast-action';
		button.textContent = action.label;
		button.addEventListener('click', () => {
			close();
			action.run();
		});
		toast.append(button);
	}
	const dismiss = document.createElement('button');
	dismiss.type = 'button';
	dismiss.className = 'toast-close';
	dismiss.setAttribute('aria-label', 'Dismiss');
	dismiss.textContent = '×';
	dismiss.addEventListener('click', close);
	toast.append(dismiss);

	toast.addEventListener('pointerenter', () => clearTimeout(timer));
	toast.addEventListener('pointerleave', arm);
	toast.addEventListener('focusin', () => clearTimeout(timer));
	toast.addEventListener('focusout', (event) => {
		if (!toast.contains(event.relatedTarget)) arm();
	});

	container().append(toast);
	arm();
	return { close, el: toast };
}
