// How hard an answer was asked to think, in the parts the server gives: {effort, maxTokens, hidden}. The API's
// message JSON has it as reasoningAsked, a saved page as data-reasoning-effort, -max-tokens and -hidden; how the
// server stores it is the server's own business, so nothing here reads a stored string.

/** Each effort level's name in a sentence ("high reasoning", "reasoning extra high"). */
export const EFFORT_WORDS = { xhigh: 'extra high', high: 'high', medium: 'medium', low: 'low', minimal: 'minimal', none: 'off' };

/** The setting on an element's data-reasoning-* attributes, or null when it has none. */
export function readSetting(element) {
	const data = element.dataset;
	if (data.reasoningHidden === 'true') return { effort: null, maxTokens: null, hidden: true };
	if (data.reasoningMaxTokens) return { effort: null, maxTokens: Number(data.reasoningMaxTokens), hidden: false };
	if (data.reasoningEffort) return { effort: data.reasoningEffort, maxTokens: null, hidden: false };
	return null;
}

/** Puts a setting on an element as message.html does (null takes it away). */
export function writeSetting(element, setting) {
	const data = element.dataset;
	delete data.reasoningEffort;
	delete data.reasoningMaxTokens;
	delete data.reasoningHidden;
	if (setting?.hidden) data.reasoningHidden = 'true';
	else if (setting?.maxTokens != null) data.reasoningMaxTokens = String(setting.maxTokens);
	else if (setting?.effort) data.reasoningEffort = setting.effort;
}

/** The setting a request's reasoning object ({effort}, {maxTokens} or {exclude: true}) asks for, or null. */
export function settingOf(reasoning) {
	if (!reasoning) return null;
	if (reasoning.exclude) return { effort: null, maxTokens: null, hidden: true };
	if (reasoning.maxTokens) return { effort: null, maxTokens: reasoning.maxTokens, hidden: false };
	return reasoning.effort ? { effort: reasoning.effort, maxTokens: null, hidden: false } : null;
}

/** How the view should expect thinking for a choice: 'none', 'hidden' or 'visible'. */
export function thinkingOf(choice) {
	if (choice === 'none') return 'none';
	return choice === 'hidden' ? 'hidden' : 'visible';
}
