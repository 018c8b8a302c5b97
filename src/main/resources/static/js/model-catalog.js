// The model list from GET /api/models, and what this browser remembers about it: starred models and the
// ones recently sent to. Models are keyed "endpoint id" because two endpoints may list the same id.

import { api } from './api.js';

const STARRED = 'ponder:models:starred';
const RECENT = 'ponder:models:recent';
const MAX_RECENT = 6;

export const keyOf = (endpoint, id) => `${endpoint} ${id}`;

function readList(name) {
	try {
		const value = JSON.parse(localStorage.getItem(name) ?? '[]');
		return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
	}
	catch {
		return [];
	}
}

function writeList(name, list) {
	try {
		localStorage.setItem(name, JSON.stringify(list));
	}
	catch {
		// Storage full or disabled: stars and recents just don't stick.
	}
}

export class ModelCatalog {
	constructor() {
		this.models = [];
		this.byKey = new Map();
		this.stale = false;
		this.loaded = false;
		this.error = null;
		this.starred = new Set(readList(STARRED));
		this.recent = readList(RECENT);
	}

	/** Loads the list once; resolves even when it fails (error says why). */
	async load() {
		try {
			const { models, stale } = await api.models();
			this.models = models;
			this.byKey = new Map(models.map((model) => [keyOf(model.endpoint, model.id), model]));
			this.stale = stale;
			this.loaded = true;
			this.error = null;
		}
		catch (error) {
			this.error = error.message || 'The model list could not be loaded.';
		}
		return this;
	}

	find(endpoint, id) {
		return this.byKey.get(keyOf(endpoint, id)) ?? null;
	}

	endpoints() {
		return [...new Set(this.models.map((model) => model.endpoint))];
	}

	isStarred(key) {
		return this.starred.has(key);
	}

	toggleStar(key) {
		if (this.starred.has(key)) this.starred.delete(key);
		else this.starred.add(key);
		writeList(STARRED, [...this.starred]);
		return this.starred.has(key);
	}

	/** Puts a model at the front of the recent list (it was just sent to). */
	used(endpoint, id) {
		const key = keyOf(endpoint, id);
		this.recent = [key, ...this.recent.filter((item) => item !== key)].slice(0, MAX_RECENT);
		writeList(RECENT, this.recent);
	}
}

/** "164K", "1M" */
export function formatContext(tokens) {
	if (!tokens) return null;
	if (tokens >= 1_000_000) return `${+(tokens / 1_000_000).toFixed(tokens % 1_000_000 ? 1 : 0)}M`;
	if (tokens >= 1000) return `${Math.round(tokens / 1000)}K`;
	return String(tokens);
}
