// The few line icons the scripts draw; the same shapes as in the templates.

const SVG = 'http://www.w3.org/2000/svg';

const SHAPES = {
	chevron: [['path', { d: 'M9 6l6 6-6 6' }]],
	back: [['path', { d: 'M15 6l-6 6 6 6' }]],
	more: [['path', { d: 'M5.5 12h.01M12 12h.01M18.5 12h.01', 'stroke-width': '2.6' }]],
	copy: [['rect', { x: '8.5', y: '8.5', width: '11.5', height: '11.5', rx: '2.5' }],
		['path', { d: 'M15.5 8.5V6.5a2.5 2.5 0 0 0-2.5-2.5H6.5A2.5 2.5 0 0 0 4 6.5V13a2.5 2.5 0 0 0 2.5 2.5h2' }]],
	check: [['path', { d: 'M5 12.5l4.5 4.5L19 7.5' }]],
	regenerate: [['path', { d: 'M19.5 12a7.5 7.5 0 1 1-2.2-5.3' }], ['path', { d: 'M19.5 4.5v4h-4' }]],
	pencil: [['path', { d: 'M4.5 19.5l1-4.2L15.8 5a2 2 0 0 1 2.9 0l.3.3a2 2 0 0 1 0 2.9L8.7 18.5z' }], ['path', { d: 'M13.8 7l3.2 3.2' }]],
	pin: [['path', { d: 'M9.5 3.5h5l-.8 5.2 3.3 3.3v1.5H7v-1.5l3.3-3.3z' }], ['path', { d: 'M12 13.5V20' }]],
	unpin: [['path', { d: 'M9.5 3.5h5l-.8 5.2 3.3 3.3v1.5H7v-1.5l3.3-3.3z' }], ['path', { d: 'M12 13.5V20M4 4l16 16' }]],
	trash: [['path', { d: 'M4.5 7h15M10 11v5.5M14 11v5.5M6.5 7l.8 11.2a2 2 0 0 0 2 1.8h5.4a2 2 0 0 0 2-1.8L17.5 7M9.5 7V4.5h5V7' }]],
	download: [['path', { d: 'M12 4v11M7.5 10.5L12 15l4.5-4.5M5 19.5h14' }]],
	upload: [['path', { d: 'M12 15.5V4.5M7.5 9L12 4.5 16.5 9M5 19.5h14' }]],
	markdown: [['rect', { x: '3', y: '6', width: '18', height: '12', rx: '2.5' }], ['path', { d: 'M6.5 15V9l2.5 3 2.5-3v6M15.5 9v6M13.5 13l2 2 2-2' }]],
	braces: [['path', { d: 'M8.5 4.5H8a2 2 0 0 0-2 2v3a2 2 0 0 1-2 2.5 2 2 0 0 1 2 2.5v3a2 2 0 0 0 2 2h.5M15.5 4.5h.5a2 2 0 0 1 2 2v3a2 2 0 0 0 2 2.5 2 2 0 0 0-2 2.5v3a2 2 0 0 1-2 2h-.5' }]],
	close: [['path', { d: 'M6 6l12 12M18 6L6 18' }]],
	caret: [['path', { d: 'M7 10l5 5 5-5' }]],
	search: [['circle', { cx: '11', cy: '11', r: '6.5' }], ['path', { d: 'M16 16l4 4' }]],
	layers: [['path', { d: 'M12 4l8 4-8 4-8-4zM4 12l8 4 8-4M4 16l8 4 8-4' }]],
	lines: [['path', { d: 'M5 5.5h14M5 10h14M5 14.5h9M5 19h6' }]],
	paperclip: [['path', { d: 'M20 11.5l-7.6 7.6a5 5 0 0 1-7.1-7.1l8.3-8.3a3.3 3.3 0 0 1 4.7 4.7l-8.3 8.3a1.7 1.7 0 0 1-2.4-2.4l7.6-7.6' }]],
	file: [['path', { d: 'M13.5 3.5H7.5a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h9a2 2 0 0 0 2-2V8.5z' }], ['path', { d: 'M13.5 3.5v5h5M9 13h6M9 16.5h4' }]],
	pdf: [['path', { d: 'M13.5 3.5H7.5a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h9a2 2 0 0 0 2-2V8.5z' }], ['path', { d: 'M13.5 3.5v5h5' }],
		['path', { d: 'M8.5 17.5v-4h1.2a1.2 1.2 0 0 1 0 2.4H8.5M13 13.5v4h.8a1.6 1.6 0 0 0 1.6-1.6v-.8a1.6 1.6 0 0 0-1.6-1.6z', 'stroke-width': '1.4' }]],
	image: [['rect', { x: '3.5', y: '4.5', width: '17', height: '15', rx: '2.5' }], ['circle', { cx: '9', cy: '10', r: '1.6' }],
		['path', { d: 'M20.5 15.5l-4.5-4.5-9 8.5' }]],
	alert: [['circle', { cx: '12', cy: '12', r: '9' }], ['path', { d: 'M12 7.5v5.5M12 16.2v.3' }]],
	share: [['path', { d: 'M10 14l10-10M14 4h6v6' }], ['path', { d: 'M19 14v4.5a1.5 1.5 0 0 1-1.5 1.5h-12A1.5 1.5 0 0 1 4 18.5v-12A1.5 1.5 0 0 1 5.5 5H10' }]],
	star: [['path', { d: 'M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z' }]],
	thinking: [['path', { d: 'M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8z' }]],
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
