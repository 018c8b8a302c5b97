// Making elements by hand, for the few that are not cloned from the page's templates.

/** A new element with a class (or none) and text (set as textContent, never as HTML). */
export function element(tag, className, text) {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text != null) node.textContent = text;
	return node;
}
