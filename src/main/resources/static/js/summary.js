// The short lines that describe answers, worded like the server's (AnswerSummary), for messages built from the
// API's JSON: the thinking panel's summary, the quiet line under an answer, and a conversation's totals.
// Where the JSON already carries a worded line, that one wins.

import { cost, count as tokens, duration } from './format.js';

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

/**
 * "deepseek/deepseek-r1 · DeepInfra · 18 / 412 / 840 tokens · $0.0021 · thought 12 s · 15 s" for an answer, the
 * endpoint first when it is not OpenRouter, as AnswerSummary.meta words it.
 */
export function metaLine(message) {
	if (message.metaLine !== undefined) return message.metaLine;
	if (message.role === 'user') return null;
	const usage = message.usage ?? {};
	const parts = [];
	if (message.endpoint && message.endpoint !== 'openrouter') parts.push(message.endpoint);
	if (message.model) parts.push(message.model);
	if (message.provider) parts.push(message.provider);
	if (message.relay?.thinkerModel) parts.push(`thinking by ${message.relay.thinkerModel}`);
	if (usage.completionTokens != null) {
		parts.push(`${tokens(usage.promptTokens)} / ${tokens(usage.completionTokens)} / ${tokens(usage.reasoningTokens)} tokens`);
	}
	const price = usage.cost != null ? cost(usage.cost) : null;
	if (price) parts.push(price);
	if (message.thinkingMillis != null) parts.push(`thought ${duration(message.thinkingMillis)}`);
	if (message.totalMillis != null) parts.push(duration(message.totalMillis));
	return parts.length ? parts.join(' · ') : null;
}

/** "12,345 tokens · $0.012" for a conversation, or null before anything was counted (AnswerSummary.totals). */
export function totalsLine(conversation) {
	if (conversation.totalsLine !== undefined) return conversation.totalsLine;
	const totals = conversation.totals ?? {};
	const used = (totals.promptTokens ?? 0) + (totals.completionTokens ?? 0);
	if (used === 0 && totals.cost == null) return null;
	const line = `${tokens(used)} tokens`;
	return totals.cost != null ? `${line} · ${cost(totals.cost)}` : line;
}
