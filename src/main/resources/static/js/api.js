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

async function request(path, { method = 'GET', body, signal, accept = 'application/json' } = {}) {
	const headers = { Accept: accept, ...csrfHeaders() };
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	let response;
	try {
		response = await fetch(appUrl(path), {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
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

	/** GET /api/messages/{id}/stream → the event-stream Response of a running answer. */
	attach(messageId, signal) {
		return request(`/api/messages/${id(messageId)}/stream`, { signal, accept: EVENT_STREAM });
	},

	/** POST /api/messages/{id}/stop; the stream then ends with done(STOPPED). */
	async stop(messageId) {
		await request(`/api/messages/${id(messageId)}/stop`, { method: 'POST' });
	},
};
