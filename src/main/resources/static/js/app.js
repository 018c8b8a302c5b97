// Entry point: wires the page's parts together. Everything here improves a page that already works
// without JavaScript (the composer posts, saved messages are shown as plain text).

import { arriveAtMessage } from './arrival.js';
import { Chat } from './chat.js';
import { ChatHeader } from './chat-header.js';
import { Composer } from './composer.js';
import { resumePendingUndo } from './conversation-actions.js';
import { AssistantMessage } from './message-view.js';
import { ScrollFollower } from './scroll-follower.js';
import { Sidebar } from './sidebar.js';
import { Thread } from './thread.js';
import { showToast } from './toast.js';

function start() {
	const aside = document.getElementById('sidebar');
	const sidebar = aside ? new Sidebar(aside, document.querySelector('.sidebar-toggle')) : null;

	const main = document.querySelector('main.chat');
	if (!main) return;
	const thread = document.getElementById('thread');
	const messages = document.getElementById('messages');
	const follower = new ScrollFollower(thread, main.querySelector('.jump-latest'));

	let chat = null;
	const composer = new Composer(document.getElementById('composer'), {
		onSend: (message) => chat.send(message),
		onStop: () => chat.stop(),
	});
	chat = new Chat({ main, messages, composer, sidebar, follower });
	const headerEl = main.querySelector('.chat-header');
	const header = headerEl ? new ChatHeader(headerEl) : null;
	chat.onAdopt = ({ id, title }) => header?.show({ id, title });
	const branches = new Thread({ main, messages, chat, header, follower });

	// Keep the "jump to latest" button and the toasts just above the composer, whatever its height.
	const dock = main.querySelector('.composer-dock');
	new ResizeObserver(() => document.documentElement.style.setProperty('--dock-h', `${dock.offsetHeight}px`)).observe(dock);

	const running = [];
	for (const article of messages.querySelectorAll('.message--assistant')) {
		const view = new AssistantMessage(article);
		if (article.dataset.status === 'STREAMING') running.push(view);
		else view.renderSaved();
	}
	branches.enhanceAll();
	if (!arriveAtMessage(follower)) follower.toBottom();
	// The newest running answer is the one the Stop button stops.
	running.reverse().forEach((view) => chat.attach(view));

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

	if (!running.length && window.matchMedia('(pointer: fine)').matches) composer.focus();
}

start();
