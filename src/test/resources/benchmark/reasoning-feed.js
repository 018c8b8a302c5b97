// Driven by ReasoningReaderBenchmark through page.evaluate: feeds a long synthetic reasoning into an answer on the
// chat page at a fixed rate of tokens per second, as the stream's 'reasoning' events would, and records frame times
// (requestAnimationFrame deltas) and long tasks and long animation frames (PerformanceObserver) meanwhile.
// Returns {frames: {p50, p95, p99, max, count}, longTasks, longTaskMillis, longFrames, openMillis, words}.
async (options) => {
	const { scenario, seedWords, feedSeconds, tokensPerSecond, folded } = options;
	const { AssistantMessage } = await import('/js/message-view.js');
	const { renderInto } = await import('/js/markdown.js');

	// A deterministic reasoning: sentences of 8–25 words, 2–8 to a paragraph, one in ten a change of mind.
	let seed = 16;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	const vocabulary = ('the a of to and is in that it for on with as this be are we so then if not but at by from '
		+ 'sum value step case count path term prime check answer total number equation factor root index length '
		+ 'recurrence function variable constraint result table formula proof order pair edge node graph list').split(' ');
	const turns = ['Wait,', 'Hmm,', 'Actually,', 'Let me double-check:', 'But earlier I said', 'No, that\'s wrong:'];
	function sentence() {
		const length = 8 + Math.floor(random() * 18);
		const words = [];
		if (random() < 0.1) words.push(turns[Math.floor(random() * turns.length)]);
		while (words.length < length) words.push(vocabulary[Math.floor(random() * vocabulary.length)]);
		const text = words.join(' ');
		return text[0].toUpperCase() + text.slice(1) + (random() < 0.05 ? ` **${words.at(-1)}**.` : '.');
	}
	function reasoning(words) {
		const paragraphs = [];
		let count = 0;
		while (count < words) {
			const sentences = [];
			const size = 2 + Math.floor(random() * 7);
			for (let i = 0; i < size; i++) sentences.push(sentence());
			const paragraph = sentences.join(' ');
			count += paragraph.split(' ').length;
			paragraphs.push(paragraph);
		}
		return paragraphs.join('\n\n');
	}
	// About 0.75 words to a token: a token is a word or a piece of one, with its space.
	const seedText = reasoning(seedWords);
	const feedText = '\n\n' + reasoning(Math.ceil(feedSeconds * tokensPerSecond * 0.75) + 50);
	const tokens = feedText.match(/\s*\S{1,5}/g);

	const thread = document.querySelector('.thread-inner');
	const view = AssistantMessage.create();
	if (scenario === 'baseline') {
		// main's panel before the reader: the whole reasoning rendered as Markdown into the body, each frame.
		view.renderReasoning = function () {
			const panel = this.panel;
			const atBottom = panel.bodyAtBottom();
			renderInto(panel.body, this.reasoning);
			panel.stale = false;
			panel.followBody(atBottom);
		};
	}
	thread.append(view.el);
	view.begin({ thinking: 'visible' });
	if (folded) {
		view.panel.touched = true;
		view.panel.el.open = false;
	}
	const started = performance.now();
	view.apply('snapshot', { reasoning: seedText, content: '' });
	view.flush();
	const openMillis = performance.now() - started;
	await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

	const frames = [];
	const longTasks = [];
	const longFrames = [];
	const observers = [];
	for (const [type, into] of [['longtask', longTasks], ['long-animation-frame', longFrames]]) {
		if (!PerformanceObserver.supportedEntryTypes.includes(type)) continue;
		const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => into.push(entry)));
		observer.observe({ type, buffered: false });
		observers.push(observer);
	}
	let running = true;
	let last = performance.now();
	const frame = (now) => {
		frames.push(now - last);
		last = now;
		if (running) requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);

	await new Promise((resolve) => {
		const from = performance.now();
		let delivered = 0;
		const timer = setInterval(() => {
			const due = Math.min(tokens.length, Math.floor((performance.now() - from) / 1000 * tokensPerSecond));
			while (delivered < due) view.apply('reasoning', { text: tokens[delivered++] });
			if (performance.now() - from >= feedSeconds * 1000) {
				clearInterval(timer);
				resolve();
			}
		}, 10);
	});
	running = false;
	await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
	observers.forEach((observer) => observer.disconnect());
	const words = view.reasoning.split(/\s+/).length;
	view.discard();

	function attribute(entries) {
		const causes = {};
		const add = (key, millis) => { causes[key] = (causes[key] ?? 0) + millis; };
		for (const entry of entries) {
			let scripted = 0;
			for (const script of entry.scripts ?? []) {
				add(`${script.invoker} ${script.sourceFunctionName || ''}`.trim(), script.duration);
				scripted += script.duration;
			}
			const layout = entry.styleAndLayoutStart ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0;
			add('style and layout', layout);
			add('other', Math.max(0, entry.duration - scripted - layout));
		}
		return Object.entries(causes).sort((a, b) => b[1] - a[1]).slice(0, 6)
			.map(([cause, millis]) => `${cause}: ${Math.round(millis)} ms`).join('; ');
	}

	const sorted = frames.slice(1).sort((a, b) => a - b);
	const rank = (q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
	return {
		frames: { count: sorted.length, p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: sorted.at(-1) },
		longTasks: longTasks.length,
		longTaskMillis: longTasks.reduce((sum, entry) => sum + entry.duration, 0),
		longFrames: longFrames.length,
		// Where the long animation frames went: script (by function) against style and layout.
		longFrameCauses: attribute(longFrames),
		openMillis,
		words,
	};
}
