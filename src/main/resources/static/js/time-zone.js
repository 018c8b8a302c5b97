// Tells the server the browser's time zone, once, in the ponder_zone cookie: pages count days (the sidebar's groups,
// usage by day) in it from the next request on. A first visit is counted in the server's zone; by the time a person
// has conversations, the log-in page (or that first page) has set the cookie.

const COOKIE = 'ponder_zone';
const YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

function currentCookie() {
	return document.cookie.split('; ').find((pair) => pair.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1) ?? null;
}

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
// Zone names are letters, digits and _ + - /, all fine in a cookie as they are.
if (zone && /^[A-Za-z0-9_+\-/]+$/.test(zone) && currentCookie() !== zone) {
	document.cookie = `${COOKIE}=${zone}; path=/; max-age=${YEAR_IN_SECONDS}; samesite=lax`;
}
