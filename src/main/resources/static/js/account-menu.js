// The top bar's account menu is a <details>, which works without this script; this makes it close like the other
// menus: on a click outside it, or on Escape (the focus then goes back to its button).

import { dismissOnOutside } from './popover.js';

export function enhanceAccountMenu(details) {
	const summary = details.querySelector('summary');
	let stop = null;
	const watch = () => {
		stop?.();
		stop = null;
		if (!details.open) return;
		stop = dismissOnOutside(details, summary, (byKeyboard) => {
			details.open = false;
			if (byKeyboard) summary.focus({ preventScroll: true });
		}, () => {});
	};
	details.addEventListener('toggle', watch);
	// Opened before this script ran.
	watch();
}
