// Talks to Ponder's JSON API: adds the CSRF header, turns problem details (RFC 9457) into ApiError.

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;

const base = (meta('ponder-base') ?? '/').replace(/\/?$/, '/');

/** An absolute path inside the app (respects a servlet context path). */
export function appUrl(path) {
	return base + String(path).replace(/^\//, '');
}

/** A failed API call, with a message fit to show a person. */
export class ApiError extends Error {
	constructor(message, { status = 0, title = null } = {}) {
		super(message);
		this.name = 'ApiError';
		this.status = status;
		this.title = title;
	}
}

function csrfHeaders() {
	const token = meta('_csrf');
	const header = meta('_csrf_header');
	return token && header ? { [header]: token } : {};
}

function fallbackMessage(status) {
	if (status === 401 || status === 403) return 'Your session has expired. Reload the page and try again.';
	if (status === 404) return 'That conversation no longer exists. Start a new chat.';
	if (status === 413) return 'That message is too long to send.';
	if (status === 429) return 'Too many requests right now. Wait a moment and try again.';
	if (status >= 500) return `Ponder ran into a problem (HTTP ${status}). Try again in a moment.`;
	return `The request failed (HTTP ${status}).`;
}

async function toApiError(response) {
	const type = response.headers.get('Content-Type') ?? '';
	if (type.includes('json')) {
		try {
			const problem = await response.json();
			const message = problem.detail || problem.title || fallbackMessage(response.status);
			return new ApiError(message, { status: response.status, title: problem.title ?? null });
		}
		catch {
			// fall through to the generic message
		}
	}
	return new ApiError(fallbackMessage(response.status), { status: response.status });
}

// A FormData body (an upload) goes as it is: the browser writes its multipart Content-Type with the boundary.
async function request(path, { method = 'GET', body, rawBody, form, signal, accept = 'application/json', headers: extra = {} } = {}) {
	const headers = { Accept: accept, ...csrfHeaders(), ...extra };
	if (body !== undefined || rawBody !== undefined) headers['Content-Type'] = 'application/json';
	let response;
	try {
		response = await fetch(appUrl(path), {
			method,
			headers,
			body: form ?? rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
			signal,
			credentials: 'same-origin',
			cache: 'no-store',
		});
	}
	catch (error) {
		if (error.name === 'AbortError') throw error;
		throw new ApiError("Couldn't reach Ponder. Check that it is running and try again.");
	}
	if (!response.ok) throw await toApiError(response);
	return response;
}

const EVENT_STREAM = 'text/event-stream, application/problem+json';
const id = encodeURIComponent;

export const api = {
	/** POST /api/conversations → {id, title, createdAt} */
	async createConversation() {
		const response = await request('/api/conversations', { method: 'POST', body: {} });
		return response.json();
	},

	/** POST /api/conversations/{id}/messages → the event-stream Response. */
	sendMessage(conversationId, payload, signal) {
		return request(`/api/conversations/${id(conversationId)}/messages`,
			{ method: 'POST', body: payload, signal, accept: EVENT_STREAM });
	},

	/**
	 * GET /api/messages/{id}/stream → the event-stream Response of a running answer; with lastEventId, only what
	 * came after that event.
	 */
	attach(messageId, { lastEventId = null, signal } = {}) {
		const headers = lastEventId ? { 'Last-Event-ID': lastEventId } : {};
		return request(`/api/messages/${id(messageId)}/stream`, { signal, accept: EVENT_STREAM, headers });
	},

	/** POST /api/messages/{id}/stop; the stream then ends with done(STOPPED). */
	async stop(messageId) {
		await request(`/api/messages/${id(messageId)}/stop`, { method: 'POST' });
	},

	/** GET /api/conversations?page&size → [{id, title, createdAt, updatedAt, pinned}], pinned first. */
	async listConversations(page, size, signal) {
		const response = await request(`/api/conversations?page=${page}&size=${size}`, { signal });
		return response.json();
	},

	/** GET /api/conversations?q → the same, each with up to three matches {messageId, in, excerpt, marks}. */
	async searchConversations(query, page, size, signal) {
		const response = await request(`/api/conversations?q=${id(query)}&page=${page}&size=${size}`, { signal });
		return response.json();
	},

	/** GET /api/conversations/{id} → the conversation with the branch it follows and its totals. */
	async conversation(conversationId) {
		const response = await request(`/api/conversations/${id(conversationId)}`);
		return response.json();
	},

	/** PATCH /api/conversations/{id} with any of {title, pinned, systemPrompt} → the summary. */
	async updateConversation(conversationId, changes) {
		const response = await request(`/api/conversations/${id(conversationId)}`, { method: 'PATCH', body: changes });
		return response.json();
	},

	/** DELETE /api/conversations/{id}; restorable for a while. */
	async deleteConversation(conversationId) {
		await request(`/api/conversations/${id(conversationId)}`, { method: 'DELETE' });
	},

	/** POST /api/conversations/{id}/restore → the summary. */
	async restoreConversation(conversationId) {
		const response = await request(`/api/conversations/${id(conversationId)}/restore`, { method: 'POST' });
		return response.json();
	},

	/** POST /api/messages/{id}/select → the conversation, now following the branch through that message. */
	async select(messageId) {
		const response = await request(`/api/messages/${id(messageId)}/select`, { method: 'POST' });
		return response.json();
	},

	/** POST /api/messages/{answerId}/regenerate {model?, endpoint?, reasoning?} → the event-stream Response. */
	regenerate(answerId, payload, signal) {
		return request(`/api/messages/${id(answerId)}/regenerate`,
			{ method: 'POST', body: payload, signal, accept: EVENT_STREAM });
	},

	/** GET /api/messages/{id}/compare → every answer of that answer's compare, in column order. */
	async compare(messageId) {
		return (await request(`/api/messages/${id(messageId)}/compare`)).json();
	},

	/** POST /api/messages/{questionId}/edit {content, model?, endpoint?, reasoning?} → the event-stream Response. */
	edit(questionId, payload, signal) {
		return request(`/api/messages/${id(questionId)}/edit`,
			{ method: 'POST', body: payload, signal, accept: EVENT_STREAM });
	},

	/** GET /api/models → {models: [{endpoint, id, name, contextLength, reasoning, efforts, pricing, …}], stale} */
	async models() {
		return (await request('/api/models')).json();
	},

	/**
	 * POST /api/attachments, multipart with the part file → {id, name, contentType, size, kind, url, thumbnailUrl};
	 * the file is checked by its content (a 413, 415 or 400 problem says why it is refused).
	 */
	async uploadAttachment(file, signal) {
		const form = new FormData();
		form.append('file', file, file.name || 'pasted');
		return (await request('/api/attachments', { method: 'POST', form, signal })).json();
	},

	/** DELETE /api/attachments/{id}: a file taken off the composer before it was sent. */
	async deleteAttachment(attachmentId) {
		await request(`/api/attachments/${id(attachmentId)}`, { method: 'DELETE' });
	},

	/** GET /api/key → {configured, label, usage, limit, limitRemaining, freeTier, status, message} */
	async key() {
		return (await request('/api/key')).json();
	},

	/** GET /api/limits → {dailyLimit, monthlyLimit, spentToday, spentThisMonth, held, left, leftPer}: one's spending limits. */
	async limits() {
		return (await request('/api/limits')).json();
	},

	/** GET /api/presets → [{id, name, shared, mine, editable, endpoint, model, reasoning, systemPrompt, parameters, relay, compare}] */
	async presets() {
		return (await request('/api/presets')).json();
	},

	/** POST /api/presets {name, endpoint?, model?, reasoning?, systemPrompt?, parameters?, relay?, compare?} → the preset. */
	async createPreset(draft) {
		return (await request('/api/presets', { method: 'POST', body: draft })).json();
	},

	/** PATCH /api/presets/{id} with the fields that change → the preset. */
	async updatePreset(presetId, changes) {
		return (await request(`/api/presets/${id(presetId)}`, { method: 'PATCH', body: changes })).json();
	},

	/** DELETE /api/presets/{id}. */
	async deletePreset(presetId) {
		await request(`/api/presets/${id(presetId)}`, { method: 'DELETE' });
	},

	/** GET /api/shares → [{token, url, conversationId, title, showCosts, createdAt, updatedAt}] */
	async shares() {
		return (await request('/api/shares')).json();
	},

	/** POST /api/conversations/{id}/share {showCosts} → the link, made or moved to the conversation as it is now. */
	async share(conversationId, showCosts) {
		return (await request(`/api/conversations/${id(conversationId)}/share`, { method: 'POST', body: { showCosts } })).json();
	},

	/** PATCH /api/shares/{token} {showCosts} → the link, its snapshot where it was. */
	async showShareCosts(token, showCosts) {
		return (await request(`/api/shares/${id(token)}`, { method: 'PATCH', body: { showCosts } })).json();
	},

	/** DELETE /api/shares/{token}. */
	async revokeShare(token) {
		await request(`/api/shares/${id(token)}`, { method: 'DELETE' });
	},

	/** POST /api/import with an export file's text → {imported, skipped}. */
	async importConversations(text) {
		const response = await request('/api/import', { method: 'POST', rawBody: text });
		return response.json();
	},
};

/** Where a conversation's export downloads from; format is 'md' or 'json'. */
export function exportUrl(conversationId, format) {
	return appUrl(`api/conversations/${id(conversationId)}/export?format=${format}`);
}
