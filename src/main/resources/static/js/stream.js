// Reads a text/event-stream body from fetch() and yields { event, data } per dispatched event,
// following the WHATWG parsing rules: any of \r\n, \n or \r ends a line, several data: lines join
// with \n, lines starting with ':' are comments (keep-alives), a blank line dispatches. Each event comes with the
// last event id seen so far (the id: field), which attaching again sends as Last-Event-ID.

/** Yields { event, data, id } per dispatched event; id is the last event id seen, or null. */
export async function* readEvents(response) {
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	let event = '';
	let data = [];
	let lastId = null;
	let first = true;
	let finished = false;

	function* takeLines(final) {
		let start = 0;
		for (let i = 0; i < buffer.length; i++) {
			const c = buffer[i];
			if (c !== '\n' && c !== '\r') continue;
			// A \r at the very end may be the first half of a \r\n still in flight.
			if (c === '\r' && i === buffer.length - 1 && !final) break;
			yield buffer.slice(start, i);
			if (c === '\r' && buffer[i + 1] === '\n') i++;
			start = i + 1;
		}
		buffer = buffer.slice(start);
	}

	function* handle(line) {
		if (line === '') {
			if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), id: lastId };
			event = '';
			data = [];
			return;
		}
		if (line.startsWith(':')) return;
		const colon = line.indexOf(':');
		const field = colon < 0 ? line : line.slice(0, colon);
		let value = colon < 0 ? '' : line.slice(colon + 1);
		if (value.startsWith(' ')) value = value.slice(1);
		if (field === 'event') event = value;
		else if (field === 'data') data.push(value);
		else if (field === 'id' && !value.includes('\0')) lastId = value;
		// retry is of no use to a fetch() reader; unknown fields are ignored by the spec.
	}

	try {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) {
				finished = true;
				break;
			}
			buffer += first && value.startsWith('\uFEFF') ? value.slice(1) : value;
			first = false;
			for (const line of takeLines(false)) yield* handle(line);
		}
		for (const line of takeLines(true)) yield* handle(line);
		// An event without its closing blank line is incomplete and dropped, as the spec says.
	}
	finally {
		// The reader stopped early (an error, or the consumer broke off): let the connection go.
		if (!finished) reader.cancel().catch(() => {});
	}
}

/** Like readEvents, with each event's data parsed as JSON (events whose data isn't JSON are skipped). */
export async function* readJsonEvents(response) {
	for await (const { event, data, id } of readEvents(response)) {
		let parsed;
		try {
			parsed = JSON.parse(data);
		}
		catch {
			continue;
		}
		yield { event, data: parsed, id };
	}
}
