// A popup menu opened by a button: arrow keys, Home and End move between items, Escape closes it and gives the
// focus back to the button, Tab or a click outside closes it. One is open at a time.

import { icon } from './icons.js';
import { dismissOnOutside, placeNear } from './popover.js';

let openMenu = null;

/**
 * Opens a menu under trigger. items: [{label, icon, run} | {label, icon, href, download} | 'separator'];
 * {danger: true} colours an item; {checked: true|false} makes it a checkbox item (aria-checked) drawn as a switch.
 * run(item) is called after the menu has closed.
 */
export function showMenu(trigger, items, { label = 'Options' } = {}) {
	if (openMenu?.trigger === trigger) {
		openMenu.close(false);
		return;
	}
	openMenu?.close(false);

	const menu = document.createElement('div');
	menu.className = 'menu';
	menu.setAttribute('role', 'menu');
	menu.setAttribute('aria-label', label);
	menu.tabIndex = -1;
	for (const item of items) {
		if (item === 'separator') {
			const line = document.createElement('div');
			line.className = 'menu-separator';
			line.setAttribute('role', 'separator');
			menu.append(line);
			continue;
		}
		const entry = document.createElement(item.href ? 'a' : 'button');
		entry.className = `menu-item${item.danger ? ' menu-item--danger' : ''}`;
		entry.setAttribute('role', item.checked === undefined ? 'menuitem' : 'menuitemcheckbox');
		if (item.checked !== undefined) entry.setAttribute('aria-checked', String(Boolean(item.checked)));
		entry.tabIndex = -1;
		if (item.href) {
			entry.href = item.href;
			if (item.download) entry.setAttribute('download', '');
		}
		else {
			entry.type = 'button';
		}
		if (item.icon) entry.append(icon(item.icon));
		const text = document.createElement('span');
		text.textContent = item.label;
		entry.append(text);
		if (item.className) entry.classList.add(item.className);
		entry.addEventListener('click', () => {
			// A link must stay in the page until its download has started.
			if (item.href) {
				setTimeout(() => close(true));
				return;
			}
			// The focus goes back to the button first, so that whatever the item opens returns it there.
			close(true);
			item.run?.(item);
		});
		menu.append(entry);
	}
	document.body.append(menu);
	placeNear(menu, trigger);
	trigger.setAttribute('aria-expanded', 'true');
	trigger.classList.add('is-open');

	const entries = () => [...menu.querySelectorAll('[role="menuitem"], [role="menuitemcheckbox"]')];
	const focusAt = (index) => {
		const list = entries();
		list[(index + list.length) % list.length]?.focus();
	};
	menu.addEventListener('keydown', (event) => {
		const list = entries();
		const index = list.indexOf(document.activeElement);
		if (event.key === 'ArrowDown') focusAt(index + 1);
		else if (event.key === 'ArrowUp') focusAt(index < 0 ? -1 : index - 1);
		else if (event.key === 'Home') focusAt(0);
		else if (event.key === 'End') focusAt(-1);
		else if (event.key === 'Tab') {
			close(false);
			return;
		}
		else return;
		event.preventDefault();
	});

	const stop = dismissOnOutside(menu, trigger, (byKeyboard) => close(byKeyboard));
	function close(returnFocus) {
		if (openMenu?.menu !== menu) return;
		openMenu = null;
		stop();
		menu.remove();
		trigger.setAttribute('aria-expanded', 'false');
		trigger.classList.remove('is-open');
		if (returnFocus) trigger.focus({ preventScroll: true });
	}
	openMenu = { menu, trigger, close };
	focusAt(0);
}
