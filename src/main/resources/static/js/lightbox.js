// An attached image at full size, over the page: a <dialog> with the image, its name and a download link. Escape,
// a click anywhere but the link, or the close button closes it. Without this script an image's thumbnail is a link
// to the image itself.

import { appUrl } from './api.js';
import { element } from './dom.js';
import { icon } from './icons.js';

let dialog = null;

function build() {
	const box = element('dialog', 'lightbox');
	box.setAttribute('aria-label', 'Image');
	const figure = element('figure', 'lightbox-figure');
	const image = element('img', 'lightbox-image');
	const caption = element('figcaption', 'lightbox-caption');
	const name = element('span', 'lightbox-name');
	const download = element('a', 'button button--outline lightbox-download');
	download.append(icon('download'), element('span', null, 'Download'));
	const close = element('button', 'icon-button lightbox-close');
	close.type = 'button';
	close.setAttribute('aria-label', 'Close');
	close.append(icon('close'));
	caption.append(name, download);
	figure.append(image, caption);
	box.append(close, figure);
	box.addEventListener('click', (event) => {
		if (!event.target.closest('.lightbox-download')) box.close();
	});
	box.addEventListener('close', () => {
		image.removeAttribute('src');
		box.returnTo?.focus({ preventScroll: true });
	});
	document.body.append(box);
	return box;
}

/** Shows the image of a thread's attachment item at full size; focus goes back to opener when it closes. */
export function openLightbox(item, opener) {
	dialog ??= build();
	const { name, url } = item.dataset;
	const image = dialog.querySelector('.lightbox-image');
	image.src = appUrl(url);
	image.alt = name;
	dialog.setAttribute('aria-label', name);
	dialog.querySelector('.lightbox-name').textContent = name;
	const download = dialog.querySelector('.lightbox-download');
	download.href = appUrl(`${url}?download`);
	download.setAttribute('download', name);
	dialog.returnTo = opener;
	dialog.showModal();
	dialog.querySelector('.lightbox-close').focus({ preventScroll: true });
}

/** Thumbnails anywhere in root open in the lightbox (a click with a modifier key still opens a tab). */
export function enhanceImageLinks(root) {
	root.addEventListener('click', (event) => {
		const link = event.target.closest('.attachment--image .attachment-open');
		if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
		event.preventDefault();
		openLightbox(link.closest('.attachment'), link);
	});
}
