// Places a floating element (a menu, the regenerate popover) next to the button that opened it: below and
// aligned to its right edge, or above when there is no room below; always inside the viewport.

const GAP = 6;
const MARGIN = 8;

export function placeNear(floating, anchor, { align = 'end' } = {}) {
	floating.style.position = 'fixed';
	floating.style.left = '0px';
	floating.style.top = '0px';
	floating.style.maxHeight = '';
	const a = anchor.getBoundingClientRect();
	const f = floating.getBoundingClientRect();
	const viewportWidth = document.documentElement.clientWidth;
	const viewportHeight = window.innerHeight;

	let left = align === 'end' ? a.right - f.width : a.left;
	left = Math.max(MARGIN, Math.min(left, viewportWidth - f.width - MARGIN));

	const below = viewportHeight - a.bottom - GAP - MARGIN;
	const above = a.top - GAP - MARGIN;
	let top;
	if (f.height <= below || below >= above) {
		top = a.bottom + GAP;
		if (f.height > below) floating.style.maxHeight = `${below}px`;
	}
	else {
		top = Math.max(MARGIN, a.top - GAP - f.height);
		if (f.height > above) floating.style.maxHeight = `${above}px`;
	}
	floating.style.left = `${Math.round(left)}px`;
	floating.style.top = `${Math.round(top)}px`;
}

/**
 * Closes a floating element when the pointer goes down outside it (and outside its anchor) or Escape is pressed;
 * close(true) means by keyboard, so focus goes back to the anchor. A resize (a phone's keyboard opening) calls
 * reposition when given, else closes. Returns a function that stops listening.
 */
export function dismissOnOutside(floating, anchor, close, reposition = null) {
	const onPointer = (event) => {
		if (!floating.contains(event.target) && !anchor.contains(event.target)) close(false);
	};
	const onKey = (event) => {
		if (event.key === 'Escape') {
			event.preventDefault();
			event.stopPropagation();
			close(true);
		}
	};
	const onResize = () => (reposition ? reposition() : close(false));
	document.addEventListener('pointerdown', onPointer, true);
	document.addEventListener('keydown', onKey, true);
	window.addEventListener('resize', onResize);
	return () => {
		document.removeEventListener('pointerdown', onPointer, true);
		document.removeEventListener('keydown', onKey, true);
		window.removeEventListener('resize', onResize);
	};
}

/**
 * The composer's panels that open above its bar (the model picker, the presets) sit in the same place: opening one
 * closes the others. Call with the panel's owner and how to close it; returns what to call when it opens.
 */
export function oneOfThePanels(owner, close) {
	document.addEventListener('ponder:panel-open', (event) => {
		if (event.detail !== owner) close();
	});
	return () => document.dispatchEvent(new CustomEvent('ponder:panel-open', { detail: owner }));
}
