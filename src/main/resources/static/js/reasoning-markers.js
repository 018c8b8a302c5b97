// Turns of mind: the places where a model's reasoning changes course ("Wait,", "Actually", "Hmm", "Let me
// double-check", "But earlier I…", "No, that's wrong"). This module is the one place that names them; the
// reader (reasoning-reader.js) marks and lists what findTurns finds. Tested on real-style reasoning in
// ReasoningMarkersBrowserTest (src/test/resources/reasoning/).

/**
 * The phrases, as regular-expression sources, matched case-insensitively at the start of a sentence. Each is
 * followed by something that is not a letter, digit or hyphen, so "Actually-existing", "Waiting" and "Hmmmph"
 * are not turns; "Hmmm" is one.
 */
export const TURN_PHRASES = [
	'wait(?!\\s+(?:for|until|till|on|and\\s+see)\\b)',
	'hold on', 'hang on', 'oops',
	'actually(?!-)', 'hm+',
	'let me (?:double-check|double check|re-?check|check (?:that|this) again|verify (?:that|this)|reconsider|re-?examine|rethink|re-?think|re-?read|go back|start over|try (?:again|another (?:way|approach)|a different approach))',
	'but earlier', 'but (?:wait|actually|hold on)',
	'no,? (?:wait|that\'s (?:not right|wrong|not it)|that is (?:not right|wrong))',
	'that\'s (?:not right|wrong|not correct|a mistake|incorrect)', 'that (?:can\'t|cannot|doesn\'t|does not) (?:be right|seem right|make sense|work)',
	'on second thought', 'scratch that', 'correction',
	'i (?:made a mistake|made an error|was wrong|think i (?:made a mistake|messed up|miscounted|miscalculated))',
	'i (?:miscounted|miscalculated|misread)',
	'(?:so )?that contradicts',
];

// A sentence starts at the start of a line (after list markers or quote marks) or after . ! ? … and spaces
// (and a closing quote or bracket). Written with \u2019 so typographic apostrophes in "that’s" match too.
const SENTENCE_START = String.raw`(?<=^[ \t]*(?:[>*+-][ \t]+|\d+[.)][ \t]+|["'“‘(*_]+)*|[.!?…]["'”’)\]*_]*[ \t]+["'“‘(*_]*)`;
const AFTER = String.raw`(?![\p{L}\p{N}-])`;

// "Oh, wait", "Ah, I made a mistake": an interjection before a phrase is part of the turn.
const INTERJECTION = String.raw`(?:(?:oh|ah)[,!]?[ \t]+)?`;

/** The one pattern of every turn phrase; global, case-insensitive, multi-line, Unicode. */
export const TURN_PATTERN = new RegExp(
	`${SENTENCE_START}${INTERJECTION}(?:${TURN_PHRASES.join('|').replaceAll("'", "['’]")})${AFTER}`, 'gimu');

/**
 * The turns of mind in text, in order: [{index, length, phrase}], phrase as written in the text. from (an index)
 * starts the search part-way, for a reader that scans only the newest part of a growing text; the sentence-start
 * test still looks back before it.
 */
export function findTurns(text, from = 0) {
	const pattern = new RegExp(TURN_PATTERN.source, TURN_PATTERN.flags);
	pattern.lastIndex = from;
	const turns = [];
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		turns.push({ index: match.index, length: match[0].length, phrase: match[0] });
	}
	return turns;
}
