// Entry point: wires the page's parts together. Everything here improves a page that already works
// without JavaScript (the composer posts, saved messages are shown as plain text).

import './time-zone.js';
import { api } from './api.js';
import { enhanceAccountMenu } from './account-menu.js';
import { arriveAtMessage } from './arrival.js';
import { Chat } from './chat.js';
import { ChatHeader } from './chat-header.js';
import { CompareView, sendCompare } from './compare.js';
import { Composer } from './composer.js';
import { resumePendingUndo } from './conversation-actions.js';
import { addCopyableButtons } from './copy.js';
import { Header } from './header.js';
import { LimitChip } from './limit-chip.js';
import { enhanceImageLinks } from './lightbox.js';
import { AssistantMessage } from './message-view.js';
import { ModelCatalog } from './model-catalog.js';
import { ModelPicker } from './model-picker.js';
import {
	apply as applyParameters, current as currentParameters, ParametersControl, requested as requestedParameters,
} from './parameters-control.js';
import { PresetPicker } from './preset-picker.js';
import { enhancePresetsPage } from './presets-page.js';
import { ReasoningControl } from './reasoning-control.js';
import { ComposeModes } from './relay-composer.js';
import { RelaySettings } from './relay-settings.js';
import { ScrollFollower } from './scroll-follower.js';
import { Sidebar } from './sidebar.js';
import { pendingPrompt, setPendingPrompt, SystemPrompt } from './system-prompt.js';
import { Thread } from './thread.js';
import { showToast } from './toast.js';

/**
 * The model picker and the reasoning and parameters controls that follow it; the picker comes once the list is
 * loaded. onModel hears of each model chosen ({endpoint, id, model}, model the list's entry or null) with the catalog.
 */
function setUpModelChoice(form, onModel) {
	const catalog = new ModelCatalog();
	const control = new ReasoningControl(form.querySelector('.chip--effort'), document.getElementById('composer-note'));
	const parameters = new ParametersControl(form.querySelector('.chip--parameters'));
	const endpoint = form.querySelector('input[name="endpoint"]');
	const model = form.querySelector('[name="model"]');
	let picker = null;
	const ready = catalog.load().then(() => {
		// "Not listed" is only said of an endpoint whose list Ponder has.
		const fit = (choice) => {
			control.fit({ ...choice, stale: catalog.stale,
				listKnown: catalog.loaded && catalog.endpoints().includes(choice.endpoint) });
			parameters.fit(choice.model);
			onModel(choice, catalog);
		};
		picker = new ModelPicker(form.querySelector('.chip--model'), endpoint, catalog, { onChange: fit });
		fit({ endpoint: picker.endpoint, id: picker.modelId, model: picker.selected });
	});
	return {
		reasoning: () => control.request(),
		sent: ({ endpoint: name, model: id }) => catalog.used(name ?? 'openrouter', id),
		/** The choice as a preset's fields. */
		current: () => ({ endpoint: endpoint.value || 'openrouter', model: model.value.trim() || null, reasoning: control.request() }),
		/** Takes a preset's endpoint, model and reasoning; a preset without a model keeps the composer's. */
		async use({ endpoint: name, model: id, reasoning }) {
			await ready;
			control.want(reasoning);
			if (id && picker) picker.select(name || 'openrouter', id);
			control.wanted = null;
		},
	};
}

function start() {
	new Header();
	new LimitChip();
	const accountMenu = document.querySelector('.account-menu');
	if (accountMenu) enhanceAccountMenu(accountMenu);
	addCopyableButtons(document);
	const relaySettings = document.querySelector('.relay-settings');
	if (relaySettings) new RelaySettings(relaySettings);
	const presetsPage = document.querySelector('.presets-page');
	if (presetsPage) enhancePresetsPage(presetsPage);
	const aside = document.getElementById('sidebar');
	const sidebar = aside ? new Sidebar(aside, document.querySelector('.sidebar-toggle')) : null;

	const main = document.querySelector('main.chat');
	if (!main) return;
	const thread = document.getElementById('thread');
	const messages = document.getElementById('messages');
	const follower = new ScrollFollower(thread, main.querySelector('.jump-latest'));

	let chat = null;
	let tray = null;
	const form = document.getElementById('composer');
	// The model list loads after the composer exists; its tray hears of each model chosen.
	const modelChoice = setUpModelChoice(form, (choice, catalog) => tray?.setModel(choice, catalog));
	const modes = new ComposeModes(form);
	const composer = new Composer(form, {
		onSend: (message) => {
			let request;
			try {
				request = modes.request(message);
			}
			catch (error) {
				composer.showError(error.message);
				return;
			}
			modelChoice.sent(message);
			if (request.compare) sendCompare(chat, request);
			else chat.sendOne(request);
		},
		onStop: () => chat.stop(),
		reasoning: modelChoice.reasoning,
	});
	tray = composer.attachments;
	chat = new Chat({ main, messages, composer, sidebar, follower });
	const headerEl = main.querySelector('.chat-header');
	const header = headerEl ? new ChatHeader(headerEl) : null;
	const systemPrompt = new SystemPrompt(document.getElementById('system-prompt'), { conversationId: chat.conversationId });
	if (header) header.onSystemPrompt = () => systemPrompt.edit(header.menuButton);
	// A new chat's system prompt goes with its first message, and is then the conversation's.
	let startedWith = null;
	chat.bodyExtras = ({ isNew }) => {
		startedWith = isNew ? pendingPrompt() : null;
		return { parameters: requestedParameters(), systemPrompt: startedWith ?? undefined };
	};
	chat.onAdopt = ({ id, title }) => {
		header?.show({ id, title });
		systemPrompt.adopt(id, startedWith);
	};
	new PresetPicker(form, {
		current: () => ({
			...modelChoice.current(),
			...modes.presetParts(),
			parameters: currentParameters(),
			systemPrompt: (chat.conversationId ? systemPrompt.prompt : pendingPrompt()) ?? undefined,
		}),
		apply: async (preset) => {
			await modelChoice.use(preset);
			modes.usePreset(preset);
			applyParameters(preset.parameters);
			// A new chat starts with the preset's prompt, or none: not the one an earlier preset put there.
			if (!chat.conversationId) {
				setPendingPrompt(preset.systemPrompt ?? '');
				return;
			}
			if (!preset.systemPrompt) return;
			// What is shown is what will be sent: an open conversation takes the prompt now.
			try {
				const summary = await api.updateConversation(chat.conversationId, { systemPrompt: preset.systemPrompt });
				systemPrompt.show(summary.systemPrompt ?? preset.systemPrompt);
			}
			catch (error) {
				// The model and parameters are in use already: the picker says only the prompt is missing.
				error.partly = true;
				throw error;
			}
		},
	});
	const branches = new Thread({ main, messages, chat, header, follower });
	enhanceImageLinks(messages);

	// Keep the "jump to latest" button and the toasts just above the composer, whatever its height.
	const dock = main.querySelector('.composer-dock');
	new ResizeObserver(() => document.documentElement.style.setProperty('--dock-h', `${dock.offsetHeight}px`)).observe(dock);

	const running = [];
	for (const article of messages.querySelectorAll('.message--assistant')) {
		const view = new AssistantMessage(article);
		if (article.dataset.status === 'STREAMING') running.push(view);
		else view.renderSaved();
	}
	const comparing = [];
	for (const article of messages.querySelectorAll('.message--compare')) {
		const compare = new CompareView(article);
		if (compare.running) comparing.push(compare);
		else compare.renderSaved();
	}
	branches.enhanceAll();
	if (!arriveAtMessage(follower)) follower.toBottom();
	// The newest running answer is the one the Stop button stops.
	running.reverse().forEach((view) => chat.attach(view));
	comparing.forEach((compare) => chat.attach(compare));

	for (const button of document.querySelectorAll('.suggestion')) {
		button.addEventListener('click', () => {
			composer.value = button.dataset.prompt;
			composer.focus();
		});
	}
	document.querySelector('.suggestions')?.removeAttribute('hidden');

	// A note from a form posted without this script (an import), shown as a toast instead.
	const flash = main.querySelector('.flash');
	if (flash) {
		showToast(flash.textContent);
		flash.remove();
	}
	resumePendingUndo();

	if (!running.length && !comparing.length && window.matchMedia('(pointer: fine)').matches) composer.focus();
}

start();
