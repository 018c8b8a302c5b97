// How the page words numbers: one rule per kind, the same as the server's (dev.ponder.format.Money and
// Durations), so that a line built here reads like one the server built.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** How long something took: "<1 s", "12 s", "1 min", "1 min 5 s". */
export function duration(millis) {
	if (millis < 1000) return '<1 s';
	const seconds = Math.round(millis / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** A count with thousands separators: "12,345". */
export function count(value) {
	return integer.format(value ?? 0);
}

/**
 * US dollars: to the cent from a dollar up, two significant digits below; whole dollars bare, anything else with
 * at least two decimals: "$15", "$7.50", "$0.40", "$0.013". null for what is not a number.
 */
export function dollars(value) {
	if (value == null || value === '') return null;
	const amount = Number(value);
	if (!Number.isFinite(amount)) return null;
	if (amount === 0) return '$0';
	const size = Math.abs(amount);
	const rounded = size >= 1 ? Math.round(size * 100) / 100 : Number(size.toPrecision(2));
	const decimals = Number.isInteger(rounded) ? 0 : Math.max(2, 1 - Math.floor(Math.log10(rounded)));
	const text = rounded.toLocaleString('en-US', { minimumFractionDigits: Math.min(decimals, 2),
		maximumFractionDigits: decimals });
	return `${amount < 0 ? '-' : ''}$${text}`;
}

/** What something cost, or costs: as dollars(), except that nothing is "free". */
export function cost(value) {
	return Number(value) === 0 && value !== null && value !== '' ? 'free' : dollars(value);
}

/**
 * A file's size in binary units, to one decimal that is dropped when it is zero: "900 bytes", "820.5 KB", "20 MB",
 * "25.3 MB"; the same words as the server's (dev.ponder.format.Sizes) in its sentences about files.
 */
export function bytes(value) {
	const size = Number(value);
	if (value == null || value === '' || !Number.isFinite(size) || size < 0) return null;
	const oneDecimal = (amount) => `${Math.round(amount * 10) / 10}`;
	if (size >= 1024 * 1024) return `${oneDecimal(size / (1024 * 1024))} MB`;
	if (size >= 1024) return `${oneDecimal(size / 1024)} KB`;
	return `${size} bytes`;
}
