// The short lines that describe answers, worded like the server's (AnswerSummary), for messages built from the
// API's JSON: the thinking panel's summary, the quiet line under an answer, and a conversation's totals.
// Where the JSON already carries a worded line, that one wins.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "<1 s", "12 s", "1 min 5 s", as the server words durations. */
export function duration(millis) {
	if (millis < 1000) return '<1 s';
	const seconds = Math.round(millis / 1000);
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function tokens(count) {
	return integer.format(count ?? 0);
}

/** "$0.0021", "$1.25", "free": two significant digits below a dollar. */
export function cost(dollars) {
	const value = Number(dollars);
	if (!Number.isFinite(value)) return null;
	if (value === 0) return 'free';
	if (value >= 1) return `$${value.toFixed(2).replace(/\.?0+$/, '')}`;
	return `$${Number(value.toPrecision(2)).toString()}`;
}

/** "Thought for 12 s · 840 reasoning tokens", or null when the answer had no reasoning. */
export function thinkingLine(message) {
	if (message.thinkingSummary !== undefined) return message.thinkingSummary;
	const hasReasoning = Boolean(message.reasoning);
	// A relayed answer's reasoning is its thinker's, and so are the tokens it took.
	const reasoningTokens = (message.relay?.thinkerUsage ?? message.usage)?.reasoningTokens ?? null;
	if (!hasReasoning && !reasoningTokens) return null;
	const parts = [message.thinkingMillis != null ? `Thought for ${duration(message.thinkingMillis)}` : 'Thought'];
	if (reasoningTokens) parts.push(`${tokens(reasoningTokens)} reasoning tokens`);
	if (!hasReasoning) parts.push('reasoning hidden');
	return parts.join(' · ');
}

/** "deepseek/deepseek-r1 · DeepInfra · 18 / 412 / 840 tokens · $0.0021 · thought 12 s · 15 s" for an answer. */
export function metaLine(message) {
	if (message.metaLine !== undefined) return message.metaLine;
	if (message.role === 'user') return null;
	const usage = message.usage ?? {};
	const parts = [];
	if (message.model) parts.push(message.model);
	if (message.provider) parts.push(message.provider);
	if (usage.completionTokens != null) {
		parts.push(`${tokens(usage.promptTokens)} / ${tokens(usage.completionTokens)} / ${tokens(usage.reasoningTokens)} tokens`);
	}
	const price = usage.cost != null ? cost(usage.cost) : null;
	if (price) parts.push(price);
	if (message.thinkingMillis != null) parts.push(`thought ${duration(message.thinkingMillis)}`);
	if (message.totalMillis != null) parts.push(duration(message.totalMillis));
	return parts.length ? parts.join(' · ') : null;
}

/** "12,345 tokens · $0.0123" for a conversation, or null before anything was counted. */
export function totalsLine(conversation) {
	if (conversation.totalsLine !== undefined) return conversation.totalsLine;
	const totals = conversation.totals ?? {};
	const parts = [];
	if (totals.promptTokens != null || totals.completionTokens != null) {
		parts.push(`${tokens((totals.promptTokens ?? 0) + (totals.completionTokens ?? 0))} tokens`);
	}
	const price = totals.cost != null ? cost(totals.cost) : null;
	if (price) parts.push(price);
	return parts.length ? parts.join(' · ') : null;
}
