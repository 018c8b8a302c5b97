// The presets page works with plain forms; this asks before a delete, which cannot be undone, and shows the
// reasoning budget's field only when a budget is chosen.

import { confirmDialog } from './confirm-dialog.js';

export function enhancePresetsPage(page) {
	for (const button of page.querySelectorAll('.preset-delete')) {
		button.addEventListener('click', async (event) => {
			event.preventDefault();
			const sure = await confirmDialog({
				title: `Delete “${button.dataset.name}”?`,
				message: 'The preset is gone for good; conversations that used it keep their set-up.',
				confirmLabel: 'Delete',
				danger: true,
			});
			if (sure) document.getElementById(button.getAttribute('form')).submit();
		});
	}
	for (const select of page.querySelectorAll('select[name="reasoning"]')) {
		const budget = select.form.querySelector('input[name="budget"]');
		const show = () => {
			budget.hidden = select.value !== 'budget';
		};
		select.addEventListener('change', () => {
			show();
			if (!budget.hidden) budget.focus();
		});
		show();
	}
}
