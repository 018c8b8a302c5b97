// The one Markdown renderer, for live streams and saved messages alike:
// marked (GFM) → KaTeX for math → highlight.js for code → DOMPurify. Model output is never trusted
// as HTML: raw HTML in the text is shown as text, and everything that comes out is sanitised.

import { Marked } from '../webjars/marked/lib/marked.esm.js';
import DOMPurify from '../webjars/dompurify/dist/purify.es.mjs';
import katex from '../webjars/katex/dist/katex.mjs';
import { addCodeCopyButtons } from './copy.js';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

// Past this size a code block without a language is not auto-detected (it would cost a frame per token).
const AUTO_DETECT_LIMIT = 6000;

function renderMath(tex, displayMode) {
	try {
		return katex.renderToString(tex, {
			displayMode,
			throwOnError: false,
			strict: 'ignore',
			trust: false,
			output: 'htmlAndMathml',
		});
	}
	catch {
		return `<code class="math-error">${escapeHtml(tex)}</code>`;
	}
}

function mathToken(type, raw, text, display) {
	return { type, raw, text: text.trim(), display };
}

// $$…$$ and \[…\] standing on their own lines.
const blockMath = {
	name: 'blockMath',
	level: 'block',
	start(src) {
		const match = /^ {0,3}(?:\$\$|\\\[)/m.exec(src);
		return match ? match.index : undefined;
	},
	tokenizer(src) {
		const match = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/.exec(src)
			?? /^ {0,3}\\\[([\s\S]+?)\\\][ \t]*(?:\n|$)/.exec(src);
		if (match && match[1].trim()) return mathToken('blockMath', match[0], match[1], true);
		return undefined;
	},
	renderer(token) {
		return `<div class="math-block">${renderMath(token.text, true)}</div>\n`;
	},
};

// $$…$$, \[…\], \(…\) and $…$ inside a paragraph. A single $ opens math only when a non-space follows,
// and closes only after a non-space and when no digit follows, so "$5 and $6" stays prose.
const INLINE_RULES = [
	[/^\$\$([\s\S]+?)\$\$/, true],
	[/^\\\[([\s\S]+?)\\\]/, true],
	[/^\\\(([\s\S]+?)\\\)/, false],
	[/^\$(?![\s$])((?:\\[^\n]|[^\\$\n])+?)(?<![\s\\])\$(?!\d)/, false],
];

const inlineMath = {
	name: 'inlineMath',
	level: 'inline',
	start(src) {
		const index = src.search(/\$|\\[([]/);
		return index < 0 ? undefined : index;
	},
	tokenizer(src) {
		for (const [rule, display] of INLINE_RULES) {
			const match = rule.exec(src);
			if (match && match[1].trim()) return mathToken('inlineMath', match[0], match[1], display);
		}
		return undefined;
	},
	renderer(token) {
		return renderMath(token.text, token.display);
	},
};

function highlight(code, language) {
	const hljs = globalThis.hljs;
	if (!hljs) return { html: escapeHtml(code), language };
	if (language && hljs.getLanguage(language)) {
		return { html: hljs.highlight(code, { language, ignoreIllegals: true }).value, language };
	}
	if (!language && code.length <= AUTO_DETECT_LIMIT) {
		const result = hljs.highlightAuto(code);
		if (result.relevance >= 5) return { html: result.value, language: result.language };
	}
	return { html: escapeHtml(code), language };
}

const renderer = {
	code({ text, lang }) {
		const requested = (lang ?? '').trim().split(/\s+/)[0].toLowerCase();
		if (requested === 'math') return `<div class="math-block">${renderMath(text, true)}</div>\n`;
		const { html, language } = highlight(text.replace(/\n$/, ''), requested);
		const label = language || 'text';
		const cls = language ? ` language-${escapeHtml(language)}` : '';
		return `<div class="code-block"><div class="code-head"><span class="code-lang">${escapeHtml(label)}</span></div>`
			+ `<pre><code class="hljs${cls}">${html}</code></pre></div>\n`;
	},
	// Raw HTML written by the model is shown, not interpreted.
	html({ text, block }) {
		return block ? `<p class="raw-html">${escapeHtml(text.replace(/\n+$/, ''))}</p>\n` : escapeHtml(text);
	},
	// Images would load from anywhere the model names (a tracking or exfiltration channel): link them instead.
	image({ href, text }) {
		const label = escapeHtml(text || 'image');
		return href ? `<a class="image-link" href="${escapeHtml(href)}">Image: ${label}</a>` : label;
	},
};

const marked = new Marked({ gfm: true, breaks: false, async: false });
marked.use({ extensions: [blockMath, inlineMath], renderer });

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
	if (node.tagName === 'A' && node.hasAttribute('href')) {
		node.setAttribute('target', '_blank');
		node.setAttribute('rel', 'noopener noreferrer nofollow');
	}
});

const PURIFY_OPTIONS = {
	USE_PROFILES: { html: true, mathMl: true, svg: true },
	ADD_TAGS: ['semantics', 'annotation'],
	ADD_ATTR: ['target', 'encoding'],
	FORBID_TAGS: ['style', 'form', 'button', 'textarea', 'select', 'img', 'video', 'audio', 'iframe'],
	FORBID_ATTR: ['id', 'name', 'srcset'],
};

function toHtml(text) {
	try {
		return marked.parse(String(text));
	}
	catch {
		return `<p>${escapeHtml(text)}</p>`;
	}
}

/** Markdown text → sanitised HTML string. */
export function renderMarkdown(text) {
	if (!text) return '';
	return DOMPurify.sanitize(toHtml(text), PURIFY_OPTIONS);
}

/** Renders text into el, replacing its contents; marks it rendered (which turns off pre-wrap). Code blocks get a
 * copy button, added after sanitising (the sanitiser rightly removes buttons from model output). */
export function renderInto(el, text) {
	el.innerHTML = renderMarkdown(text);
	el.classList.add('is-rendered');
	addCodeCopyButtons(el);
}

/**
 * renderInto for many elements at once (texts[i] into elements[i]), with one pass of the sanitiser over all of them:
 * for short texts that pass is most of the cost (the reasoning reader opening on hundreds of paragraphs).
 */
export function renderEachInto(elements, texts) {
	const holder = document.createElement('div');
	holder.innerHTML = DOMPurify.sanitize(texts.map((text) => `<div>${text ? toHtml(text) : ''}</div>`).join(''),
		PURIFY_OPTIONS);
	// Each text's HTML is whole (raw HTML in it is escaped), so each comes back in its own <div>; if not, one by one.
	if (holder.children.length !== elements.length) {
		elements.forEach((el, i) => renderInto(el, texts[i]));
		return;
	}
	[...holder.children].forEach((rendered, i) => {
		elements[i].replaceChildren(...rendered.childNodes);
		elements[i].classList.add('is-rendered');
		addCodeCopyButtons(elements[i]);
	});
}
