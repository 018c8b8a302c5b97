// The top bar's spending-limit chip: what is left of the person's daily or monthly limit, the tighter of the
// two ("Limit $0.42 left today"), hidden without limits. It is asked again after each answer that cost something.

import { api } from './api.js';
import { dollars } from './format.js';

export class LimitChip {
	constructor(doc = document) {
		this.chip = doc.getElementById('limit-chip');
		if (!this.chip) return;
		doc.addEventListener('ponder:answer-done', (event) => {
			if (Number(event.detail?.usage?.cost) > 0) this.refresh();
		});
		this.refresh();
	}

	async refresh() {
		let limits;
		try {
			limits = await api.limits();
		}
		catch {
			return;
		}
		const chip = this.chip;
		if (limits.left == null) {
			chip.hidden = true;
			return;
		}
		const day = limits.leftPer === 'day';
		const limit = Number(day ? limits.dailyLimit : limits.monthlyLimit);
		const left = Number(limits.left);
		// Labelled, as it sits beside the key's credit chip, which also shows dollars left.
		const label = document.createElement('span');
		label.className = 'limit-chip-label';
		label.textContent = 'Limit';
		const text = `${dollars(left)} left ${day ? 'today' : 'this month'}`;
		chip.replaceChildren(label, ` ${text}`);
		chip.setAttribute('aria-label', `Spending limit: ${text}`);
		chip.title = `Your spending limit: ${dollars(Number(limits.spentToday))} spent today`
			+ (limits.dailyLimit != null ? ` of ${dollars(Number(limits.dailyLimit))}` : '')
			+ `, ${dollars(Number(limits.spentThisMonth))} this month`
			+ (limits.monthlyLimit != null ? ` of ${dollars(Number(limits.monthlyLimit))}` : '')
			+ ' (UTC)';
		chip.classList.toggle('is-danger', left <= 0);
		chip.classList.toggle('is-warn', left > 0 && limit > 0 && left / limit < 0.1);
		chip.hidden = false;
	}
}
