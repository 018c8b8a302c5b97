// The few line icons the scripts draw; the same shapes as in the templates.

const SVG = 'http://www.w3.org/2000/svg';

const SHAPES = {
	sparkle: [
		['path', { d: 'M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8z' }],
		['path', { d: 'M18.5 15.5l.7 1.8 1.8.7-1.8.7-.7 1.8-.7-1.8-1.8-.7 1.8-.7z' }],
	],
	chevron: [['path', { d: 'M9 6l6 6-6 6' }]],
	alert: [['circle', { cx: '12', cy: '12', r: '9' }], ['path', { d: 'M12 7.5v5.5M12 16.2v.3' }]],
};

/** A new <svg> element for the named icon, hidden from assistive technology. */
export function icon(name, className) {
	const svg = document.createElementNS(SVG, 'svg');
	svg.setAttribute('viewBox', '0 0 24 24');
	svg.setAttribute('aria-hidden', 'true');
	if (className) svg.setAttribute('class', className);
	for (const [tag, attributes] of SHAPES[name]) {
		const shape = document.createElementNS(SVG, tag);
		for (const [key, value] of Object.entries(attributes)) shape.setAttribute(key, value);
		svg.append(shape);
	}
	return svg;
}
