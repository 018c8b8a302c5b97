// Cuts a growing reasoning text into its paragraphs (split on blank lines), append-only: each call reads only the
// lines that arrived since the last one, and a paragraph, once closed, never changes. A blank line inside a fenced
// code block does not end the paragraph (the block would render broken in two).

const FENCE = /^ {0,3}(?:```|~~~)/;

export class ParagraphCutter {
	constructor() {
		this.reset();
	}

	reset() {
		/** Where the open (last, still growing) paragraph starts. */
		this.openStart = 0;
		/** Where the next unread line starts. */
		this.lineStart = 0;
		this.hasContent = false;
		this.inFence = false;
	}

	/**
	 * Reads the complete lines of text not read yet; returns the paragraphs they closed, as [{start, end}]
	 * indexes into text (end excludes the blank line). When final, the open paragraph is closed too.
	 */
	feed(text, final = false) {
		const closed = [];
		let newline = text.indexOf('\n', this.lineStart);
		while (newline !== -1) {
			this.readLine(text, this.lineStart, newline, closed);
			this.lineStart = newline + 1;
			newline = text.indexOf('\n', this.lineStart);
		}
		if (final) {
			if (this.lineStart < text.length) this.readLine(text, this.lineStart, text.length, closed);
			this.lineStart = text.length;
			if (this.hasContent) closed.push({ start: this.openStart, end: text.length });
			this.openStart = text.length;
			this.hasContent = false;
		}
		return closed;
	}

	readLine(text, start, end, closed) {
		const line = text.slice(start, end);
		const blank = line.trim() === '';
		if (blank && !this.inFence) {
			if (this.hasContent) closed.push({ start: this.openStart, end: start });
			this.openStart = end + 1;
			this.hasContent = false;
			return;
		}
		if (!this.hasContent && blank) return;
		if (FENCE.test(line)) this.inFence = !this.inFence;
		this.hasContent = true;
	}
}
