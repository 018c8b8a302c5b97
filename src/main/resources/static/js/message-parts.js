// The parts of a message as the server renders them: conversation/message.html puts an empty one of each into the
// page's <template id="message-parts">, and the scripts clone them here and fill them in, so that a message's
// markup is written once, in the template.

/** A fresh copy of the part that matches selector (".thinking", ".error-box", …). */
export function part(selector) {
	const template = document.getElementById('message-parts');
	const found = template && [...template.content.children].find((child) => child.matches(selector));
	if (!found) throw new Error(`The page has no message part ${selector}`);
	return found.cloneNode(true);
}
