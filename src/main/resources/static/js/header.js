// The top bar's credit chip: the OpenRouter key's credit left when it has a limit, or what is wrong with the
// key. It is asked again after each answer that cost something.

import { api } from './api.js';
import { dollars } from './format.js';

const PROBLEMS = {
	invalid_key: 'Key refused',
	out_of_credits: 'Out of credit',
};

export class Header {
	constructor(doc = document) {
		this.credit = doc.getElementById('credit-chip');
		if (!this.credit) return;
		doc.addEventListener('ponder:answer-done', (event) => {
			if (Number(event.detail?.usage?.cost) > 0) this.refreshCredit();
		});
		this.refreshCredit();
	}

	async refreshCredit() {
		let key;
		try {
			key = await api.key();
		}
		catch {
			return;
		}
		const chip = this.credit;
		chip.classList.remove('is-warn', 'is-danger');
		if (key.status === 'ok' && key.limit != null) {
			chip.textContent = `${dollars(key.limitRemaining ?? 0)} left`;
			chip.title = `OpenRouter key ${key.label ?? ''}: ${dollars(key.usage ?? 0)} used of ${dollars(key.limit)}`;
			chip.classList.toggle('is-warn', key.limit > 0 && key.limitRemaining / key.limit < 0.1);
			chip.hidden = false;
		}
		else if (PROBLEMS[key.status]) {
			chip.textContent = PROBLEMS[key.status];
			chip.title = key.message ?? '';
			chip.classList.add('is-danger');
			chip.hidden = false;
		}
		else {
			chip.hidden = true;
		}
	}
}
