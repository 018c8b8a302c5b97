// The composer's files: added by its paperclip button, dropped anywhere on the composer, or pasted into its text
// box. Each file is uploaded at once (POST /api/attachments) and shown as a chip: a thumbnail or a file icon, the
// name and size, a spinner while it uploads, the server's sentence if it was refused, and × to take it off. Send
// stays disabled while a file uploads; what has uploaded is named in the send body by its id.
//
// Before anything is uploaded the tray checks what the page knows: the number of files and the size a file may
// have (the server's settings, on the form as data-attachment-max-files and -max-size), and whether the chosen
// model reads images (its inputModalities from GET /api/models; a model the list does not describe may).

import { api, ApiError, appUrl } from './api.js';
import { element } from './dom.js';
import { bytes } from './format.js';
import { icon } from './icons.js';

/** The images a model may be sent (the server sniffs the same four); anything else goes as a file. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

/** How many models the "models that can" sentence names. */
const NAMED_MODELS = 5;

export const isImage = (file) => IMAGE_TYPES.has(file.type);

/** Whether a model (an entry of the catalog, or null for one it does not list) reads images. */
export function readsImages(model) {
	return !model?.inputModalities || model.inputModalities.includes('image');
}

/** "deepseek/deepseek-r1 cannot read images. Models that can: …", reasoning models first, as the server words it. */
export function cannotReadImages(modelId, catalog) {
	const able = (catalog?.models ?? []).filter((model) => model.inputModalities?.includes('image') && model.available !== false);
	able.sort((a, b) => Number(b.reasoning) - Number(a.reasoning));
	const names = able.slice(0, NAMED_MODELS).map((model) => model.id);
	const more = able.length > NAMED_MODELS ? ', …' : '.';
	return names.length ? `${modelId} cannot read images. Models that can: ${names.join(', ')}${more}`
		: `${modelId} cannot read images.`;
}

/**
 * A chip for a file: file is {name, size, kind?, type?}; preview an image's address to show, if any. Shared with
 * the message editor, whose kept files look the same. onRemove makes the × button.
 */
export function fileChip(file, { preview = null, onRemove = null } = {}) {
	const chip = element('li', 'file-chip');
	chip.dataset.kind = file.kind ?? 'file';
	const thumb = element('span', 'file-chip-thumb');
	if (preview) {
		const image = element('img');
		image.alt = '';
		image.src = preview;
		thumb.append(image);
	}
	else {
		thumb.append(icon(file.kind === 'pdf' ? 'pdf' : 'file'));
	}
	const text = element('span', 'file-chip-text');
	text.append(element('span', 'file-chip-name', file.name), element('span', 'file-chip-detail', bytes(file.size) ?? ''));
	chip.title = file.name;
	chip.append(thumb, text);
	if (onRemove) {
		const remove = element('button', 'file-chip-remove');
		remove.type = 'button';
		remove.setAttribute('aria-label', `Remove ${file.name}`);
		remove.title = 'Remove';
		remove.append(icon('close'));
		remove.addEventListener('click', onRemove);
		chip.append(remove);
	}
	return chip;
}

export class AttachmentTray {
	/**
	 * @param form the composer's <form>; its .composer-box gets the chips, the drop zone and the paperclip
	 * @param onChange () => void, when files come, go or finish uploading
	 * @param onRefuse (sentence) => void, for a file refused before it was uploaded (the model reads no images)
	 */
	constructor(form, { onChange, onRefuse }) {
		this.form = form;
		this.onChange = onChange;
		this.onRefuse = onRefuse;
		this.maxSize = Number(form.dataset.attachmentMaxSize) || Infinity;
		this.maxFiles = Number(form.dataset.attachmentMaxFiles) || Infinity;
		this.entries = [];
		this.model = { id: null, model: null };
		this.catalog = null;
		const box = form.querySelector('.composer-box');
		this.list = element('ul', 'file-tray');
		this.list.setAttribute('aria-label', 'Attached files');
		this.list.hidden = true;
		box.prepend(this.list);
		this.dropZone = element('div', 'composer-drop');
		this.dropZone.append(icon('paperclip'), element('span', null, 'Drop files to attach'));
		this.dropZone.setAttribute('aria-hidden', 'true');
		box.append(this.dropZone);

		// The no-JS form's file field becomes the paperclip's: unnamed, so that nothing posts it.
		this.input = form.querySelector('input[type="file"]');
		this.input.removeAttribute('name');
		form.querySelector('.composer-files')?.setAttribute('hidden', '');
		this.button = form.querySelector('.attach-button');
		this.button.hidden = false;
		this.button.addEventListener('click', () => this.input.click());
		this.input.addEventListener('change', () => {
			this.add([...this.input.files]);
			this.input.value = '';
		});
		form.querySelector('textarea[name="content"]').addEventListener('paste', (event) => this.onPaste(event));
		this.listenForDrops(form);
		// Switching to compare mode (a class on the form) lifts the marks; back to one model puts them back.
		new MutationObserver(() => this.mark()).observe(form, { attributes: true, attributeFilter: ['class'] });
	}

	// ----- what the page tells it -----

	/** The model chosen now ({id, model}, model the catalog's entry or null): image chips say whether it reads them. */
	setModel({ id, model }, catalog) {
		this.model = { id, model };
		this.catalog = catalog;
		this.mark();
	}

	/**
	 * Whether the chosen model is known to read no images. In compare mode the columns name their own models, and
	 * the server checks each of them.
	 */
	get refusesImages() {
		return !this.form.classList.contains('is-compare') && !readsImages(this.model.model);
	}

	/** Whether a file is still uploading (Send waits for none). */
	get uploading() {
		return this.entries.some((entry) => entry.state === 'uploading');
	}

	/** Why what is attached cannot be sent to the chosen model, or null. */
	problem() {
		const images = this.entries.some((entry) => entry.state === 'ready' && entry.attachment.kind === 'image');
		return images && this.refusesImages ? cannotReadImages(this.model.id, this.catalog) : null;
	}

	/** The uploaded files, as the API answered them, in the order they were added. */
	sendable() {
		return this.entries.filter((entry) => entry.state === 'ready').map((entry) => entry.attachment);
	}

	/** These files were sent: their chips go, and refused chips with them (what was refused was not sent). */
	sent(files) {
		const ids = new Set(files.map((file) => file.id));
		for (const entry of [...this.entries]) {
			if (entry.state === 'failed' || (entry.state === 'ready' && ids.has(entry.attachment.id))) this.drop(entry);
		}
	}

	// ----- adding -----

	/** Checks and uploads files (a FileList or an array). */
	add(files) {
		for (const file of files) {
			if (isImage(file) && this.refusesImages) {
				this.onRefuse(cannotReadImages(this.model.id, this.catalog));
				continue;
			}
			const refusal = this.refusal(file);
			const entry = this.entry(file);
			if (refusal) this.fail(entry, refusal);
			else this.upload(entry);
		}
		this.changed();
	}

	refusal(file) {
		const counted = this.entries.filter((entry) => entry.state !== 'failed').length;
		if (counted >= this.maxFiles) return `A message takes at most ${this.maxFiles} files.`;
		if (file.size > this.maxSize) return `${file.name} is ${bytes(file.size)}; a file may be up to ${bytes(this.maxSize)}.`;
		if (file.size === 0) return `${file.name} is empty.`;
		return null;
	}

	entry(file) {
		const preview = isImage(file) ? URL.createObjectURL(file) : null;
		const entry = { file, state: 'uploading', attachment: null, preview, controller: new AbortController() };
		entry.el = fileChip({ name: file.name, size: file.size, kind: preview ? 'image' : kindOf(file) },
			{ preview, onRemove: () => this.remove(entry) });
		this.entries.push(entry);
		this.list.append(entry.el);
		this.show(entry);
		return entry;
	}

	async upload(entry) {
		try {
			entry.attachment = await api.uploadAttachment(entry.file, entry.controller.signal);
		}
		catch (error) {
			if (error?.name === 'AbortError') return;
			this.fail(entry, error instanceof ApiError ? error.message : `${entry.file.name} could not be uploaded.`);
			this.changed();
			return;
		}
		entry.state = 'ready';
		const { attachment } = entry;
		entry.el.dataset.kind = attachment.kind;
		entry.el.dataset.attachmentId = attachment.id;
		if (attachment.kind === 'image' && attachment.thumbnailUrl) {
			const image = entry.el.querySelector('.file-chip-thumb img');
			if (image) {
				image.addEventListener('load', () => this.revoke(entry), { once: true });
				image.src = appUrl(attachment.thumbnailUrl);
			}
		}
		this.show(entry);
		this.mark();
	}

	fail(entry, sentence) {
		entry.state = 'failed';
		entry.error = sentence;
		this.show(entry);
	}

	/** ×: an upload is cancelled, an uploaded file deleted at the server, a refused chip just goes. */
	remove(entry) {
		if (entry.state === 'uploading') entry.controller.abort();
		if (entry.state === 'ready') api.deleteAttachment(entry.attachment.id).catch(() => {});
		this.drop(entry);
		this.form.querySelector('textarea[name="content"]').focus({ preventScroll: true });
		this.changed();
	}

	drop(entry) {
		this.revoke(entry);
		entry.el.remove();
		this.entries = this.entries.filter((other) => other !== entry);
		this.list.hidden = !this.entries.length;
	}

	revoke(entry) {
		if (entry.preview) URL.revokeObjectURL(entry.preview);
		entry.preview = null;
	}

	// ----- chips -----

	show(entry) {
		const { el } = entry;
		el.dataset.state = entry.state;
		el.setAttribute('aria-busy', String(entry.state === 'uploading'));
		const detail = el.querySelector('.file-chip-detail');
		el.querySelector('.file-chip-spinner')?.remove();
		if (entry.state === 'uploading') {
			detail.textContent = 'Uploading…';
			const spinner = element('span', 'file-chip-spinner');
			spinner.setAttribute('aria-hidden', 'true');
			el.querySelector('.file-chip-thumb').append(spinner);
		}
		else if (entry.state === 'failed') {
			detail.textContent = entry.error;
			el.title = entry.error;
			el.setAttribute('role', 'alert');
		}
		else {
			detail.textContent = bytes(entry.attachment.size) ?? '';
		}
		this.list.hidden = !this.entries.length;
	}

	/** Image chips the chosen model cannot read are marked, with the sentence as their title. */
	mark() {
		const unreadable = this.refusesImages;
		for (const entry of this.entries) {
			if (entry.state !== 'ready' || entry.attachment.kind !== 'image') continue;
			entry.el.classList.toggle('is-unreadable', unreadable);
			entry.el.title = unreadable ? `${this.model.id} cannot read images` : entry.attachment.name;
			entry.el.querySelector('.file-chip-detail').textContent = unreadable ? 'Not readable by this model'
				: bytes(entry.attachment.size);
		}
		this.changed();
	}

	changed() {
		this.onChange?.();
	}

	// ----- paste and drop -----

	// Files alone on the clipboard (a screenshot, a copied file) are attached; anything with text pastes as text,
	// since word processors put a picture of the text beside it.
	onPaste(event) {
		const data = event.clipboardData;
		if (!data?.files?.length || data.types.includes('text/plain')) return;
		event.preventDefault();
		this.add([...data.files]);
	}

	listenForDrops(form) {
		const carriesFiles = (event) => event.dataTransfer?.types?.includes('Files');
		let depth = 0;
		const setDropping = (on) => form.classList.toggle('is-dropping', on);
		form.addEventListener('dragenter', (event) => {
			if (!carriesFiles(event)) return;
			event.preventDefault();
			depth += 1;
			setDropping(true);
		});
		form.addEventListener('dragover', (event) => {
			if (!carriesFiles(event)) return;
			event.preventDefault();
			event.dataTransfer.dropEffect = 'copy';
		});
		form.addEventListener('dragleave', () => {
			depth = Math.max(0, depth - 1);
			if (!depth) setDropping(false);
		});
		form.addEventListener('drop', (event) => {
			if (!carriesFiles(event)) return;
			event.preventDefault();
			depth = 0;
			setDropping(false);
			this.add([...event.dataTransfer.files]);
		});
		// A file dropped beside the composer would make the browser leave the page to show it.
		for (const type of ['dragover', 'drop']) {
			window.addEventListener(type, (event) => {
				if (carriesFiles(event) && !form.contains(event.target)) event.preventDefault();
			});
		}
	}
}

/** What a file will probably be, until the server has looked at it: only for the chip's icon. */
function kindOf(file) {
	if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return 'pdf';
	return 'file';
}
