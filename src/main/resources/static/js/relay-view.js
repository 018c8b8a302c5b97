// A relayed answer (one model thinks, another answers) on the page: the line above its thinking panel says who is
// at work while it streams ("deepseek/deepseek-r1 is thinking…", then "openai/gpt-4o-mini is answering…") and who
// thought and who answered once it is done, and the panel's summary names the model that thought. The line is
// relay/relay.html's, cloned from the page (message-parts.js); model ids only ever go in as text.

import { element } from './dom.js';
import { part } from './message-parts.js';

const model = (id) => element('span', 'relay-model', id);

/** The words of the line for a stage: 'thinking', 'answering' or 'done'. */
function words(stage, thinker, answerer) {
	if (stage === 'thinking') return [model(thinker), ' is thinking…'];
	if (stage === 'answering') return [model(answerer), ' is answering…'];
	return ['Reasoning by ', model(thinker), ', answer by ', model(answerer)];
}

/** A new relay line. */
export function relayLine({ thinker, answerer, stage }) {
	const line = part('.relay-line');
	line.dataset.stage = stage;
	line.querySelector('.relay-text').replaceChildren(...words(stage, thinker, answerer));
	return line;
}

/** Names the thinker in a thinking panel's summary ("Thinking… 4 s · deepseek/deepseek-r1"); once only. */
export function labelThinker(details, thinker) {
	if (!thinker || details.querySelector('.thinking-by')) return;
	const by = element('span', 'thinking-by', `· ${thinker}`);
	details.querySelector('.thinking-label')?.after(by);
}

const relayOf = (view) => ({ thinker: view.el.dataset.thinker, answerer: view.el.dataset.model });

function setLine(view, stage) {
	const { thinker, answerer } = relayOf(view);
	if (!thinker) return;
	const line = view.body.querySelector(':scope > .relay-line');
	if (line) {
		line.dataset.stage = stage;
		line.querySelector('.relay-text').replaceChildren(...words(stage, thinker, answerer || 'the answering model'));
	}
	else {
		view.place(relayLine({ thinker, answerer: answerer || 'the answering model', stage }));
	}
}

/** The answer is a relay (the start event, or a relay being sent): thinker thinks, model answers. */
export function showRelay(view, { thinker, model: answerer }) {
	if (!thinker) return;
	view.el.dataset.thinker = thinker;
	if (answerer) view.el.dataset.model = answerer;
	if (view.panel) labelThinker(view.panel.el, thinker);
	const line = view.body.querySelector(':scope > .relay-line');
	setLine(view, line?.dataset.stage && line.dataset.stage !== 'done' ? line.dataset.stage : 'thinking');
}

/** A stage event: {stage: 'thinking' | 'answering', model}. */
export function showStage(view, { stage, model: who }) {
	if (!view.el.dataset.thinker) return;
	if (stage === 'answering' && who) view.el.dataset.model = who;
	setLine(view, stage === 'answering' ? 'answering' : 'thinking');
	if (stage === 'answering') view.foldThinking?.();
}

/** The answer ended (done or error): the line says who did what. */
export function endRelay(view) {
	if (view.el.dataset.thinker) setLine(view, 'done');
}
