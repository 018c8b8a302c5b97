// A question's files in the thread: images as thumbnails that open full size (lightbox.js), other files as chips
// that open or download them. conversation/message.html renders them for saved messages and puts an empty list and
// one empty item of each kind into the page's <template id="message-parts">; this module clones those for a question
// just sent or rebuilt from the API's JSON, so that both are the same markup.

import { appUrl } from './api.js';
import { bytes } from './format.js';
import { part } from './message-parts.js';

/** The list under a question's text: files are the API's attachments ({id, name, kind, size, url, …}). */
export function attachmentList(files) {
	const list = part('.attachments');
	list.append(...files.map(attachmentItem));
	return list;
}

/** One file of a question, as the server renders it. */
export function attachmentItem(file) {
	const image = file.kind === 'image';
	const item = part(image ? '.attachment--image' : '.attachment--file');
	describe(item, file);
	const link = item.querySelector('a');
	link.href = appUrl(file.url);
	if (image) {
		const thumb = item.querySelector('img');
		thumb.src = appUrl(file.thumbnailUrl ?? file.url);
		thumb.alt = file.name;
		link.title = file.name;
	}
	else {
		item.querySelector('.attachment-name').textContent = file.name;
		item.querySelector('.attachment-size').textContent = bytes(file.size) ?? '';
		link.title = `Open ${file.name}`;
	}
	return item;
}

// What the editor and the lightbox need to know of an item, on the item itself (the server writes the same).
function describe(item, file) {
	const data = item.dataset;
	data.attachmentId = file.id;
	data.name = file.name;
	data.kind = file.kind;
	data.size = String(file.size ?? '');
	if (file.contentType) data.contentType = file.contentType;
	data.url = file.url;
	if (file.thumbnailUrl) data.thumbnailUrl = file.thumbnailUrl;
}

/** The files a question on the page has, in order, as the API's JSON has them. */
export function attachmentsOf(article) {
	return [...article.querySelectorAll(':scope > .attachments > .attachment')].map((item) => ({
		id: item.dataset.attachmentId,
		name: item.dataset.name,
		kind: item.dataset.kind,
		size: Number(item.dataset.size) || 0,
		contentType: item.dataset.contentType ?? null,
		url: item.dataset.url,
		thumbnailUrl: item.dataset.thumbnailUrl ?? null,
	}));
}
