// Keeps a scrolling thread pinned to its newest text while it grows, until the person scrolls up;
// scrolling back to the bottom (or the "jump to latest" button) pins it again.

const NEAR_BOTTOM = 64;

export class ScrollFollower {
	constructor(scroller, jumpButton) {
		this.scroller = scroller;
		this.jumpButton = jumpButton;
		this.following = true;
		scroller.addEventListener('scroll', () => this.onScroll(), { passive: true });
		// A wheel or touch gesture upwards means "let me read": stop following at once, before the next
		// frame of text lands and scrolls the reader back down.
		scroller.addEventListener('wheel', (event) => {
			if (event.deltaY < 0) this.setFollowing(false);
		}, { passive: true });
		let touchY = null;
		scroller.addEventListener('touchstart', (event) => {
			touchY = event.touches[0]?.clientY ?? null;
		}, { passive: true });
		scroller.addEventListener('touchmove', (event) => {
			const y = event.touches[0]?.clientY;
			if (touchY != null && y != null && y > touchY + 4) this.setFollowing(false);
		}, { passive: true });
		jumpButton?.addEventListener('click', () => this.toBottom(true));
		// A person opened or closed something in the thread (a thinking panel) and keeps it where it is on screen:
		// stop following, so that the thread does not scroll on as it grows; the scroll that puts it back decides
		// afresh whether the thread is at its bottom.
		scroller.addEventListener('ponder:hold-place', () => this.setFollowing(false));
		// The thread also grows without a render callback (an answer's action row appears when it
		// ends, math and code reflow): follow those changes too, or the last line ends up under the
		// composer.
		if (typeof ResizeObserver !== 'undefined' && scroller.firstElementChild) {
			new ResizeObserver(() => this.update()).observe(scroller.firstElementChild);
		}
	}

	nearBottom() {
		const s = this.scroller;
		return s.scrollHeight - s.scrollTop - s.clientHeight < NEAR_BOTTOM;
	}

	onScroll() {
		this.setFollowing(this.nearBottom());
	}

	setFollowing(following) {
		this.following = following;
		if (this.jumpButton) {
			const overflowing = this.scroller.scrollHeight > this.scroller.clientHeight + NEAR_BOTTOM;
			this.jumpButton.hidden = following || !overflowing;
		}
	}

	/** Content grew: stay at the bottom if following. */
	update() {
		if (this.following) this.scroller.scrollTop = this.scroller.scrollHeight;
		else this.setFollowing(false);
	}

	toBottom(smooth = false) {
		this.scroller.scrollTo({ top: this.scroller.scrollHeight, behavior: smooth ? 'smooth' : 'auto' });
		this.setFollowing(true);
	}
}
