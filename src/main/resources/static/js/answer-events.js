// What one answer's stream events do to its view, the same for a single answer and for a column
// of a compare. The callers add only what is theirs (ids, timers, scrolling).

import { endRelay, showStage } from './relay-view.js';

/**
 * Applies a retrying, stage, reasoning, content, snapshot, done or error event to an answer's view.
 * Returns 'done' or 'error' when the answer ended, else null ('start' is left to the caller).
 */
export function applyAnswerEvent(view, event, data) {
	switch (event) {
		case 'retrying':
			view.retrying(data);
			return null;
		case 'stage':
			showStage(view, data);
			return null;
		case 'reasoning':
			view.appendReasoning(data.text);
			return null;
		case 'content':
			view.appendContent(data.text);
			return null;
		case 'snapshot':
			view.snapshot(data.reasoning, data.content);
			return null;
		case 'done':
			view.finish(data);
			endRelay(view);
			document.dispatchEvent(new CustomEvent('ponder:answer-done', { detail: data }));
			return 'done';
		case 'error':
			view.fail(data);
			endRelay(view);
			return 'error';
		default:
			return null;
	}
}
