package dev.ponder.chat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.test.context.TestPropertySource;

import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the page does when its connection to a running answer fails: it attaches again,
 * with growing pauses, from the last event it saw, and gives up after a few tries; and
 * what it shows while the server tries the model again.
 */
// Calls that never started are tried again here (the shared test context turns that off),
// at once, so that the page's "Retrying…" shows without a wait.
@TestPropertySource(properties = { "openrouter.retry.max-attempts=2", "openrouter.retry.first-backoff=0s" })
class ReconnectBrowserTest extends BrowserTestSupport {

	private static final String ATTACH = "**/api/messages/*/stream";

	// Playwright for Java runs route handlers only while the test is inside a Playwright
	// call, so these tests wait
	// with page.waitForCondition, not Awaitility.

	@Test
	void attachingThatFailsIsTriedAgainUntilTheAnswerArrives() {
		Gate answering = new Gate();
		String url = runningAnswer(answering, "Thinking across a bad line");
		AtomicInteger attaches = new AtomicInteger();
		this.page.route(ATTACH, (route) -> {
			if (attaches.incrementAndGet() <= 2) {
				route.abort("connectionreset");
			}
			else {
				route.resume();
			}
		});

		this.page.navigate(url);
		assertThat(this.page.locator("article.message--assistant .thinking-body"))
			.containsText("Thinking across a bad line");
		answering.open();

		assertThat(this.page.locator("article.message--assistant .answer")).containsText("Here after all.");
		assertThat(this.page.locator("article.message--assistant")).hasAttribute("data-status", "COMPLETE");
		assertThat(this.page.locator(".notice--lost")).hasCount(0);
		assertThat(attaches).hasValue(3);
	}

	@Test
	void aStreamThatDropsIsAttachedAgainFromTheLastEventItSaw() {
		Gate answering = new Gate();
		String url = runningAnswer(answering, "Thinking before the drop");
		List<String> lastEventIds = new CopyOnWriteArrayList<>();
		this.page.route(ATTACH, (route) -> {
			String lastEventId = route.request().headers().get("last-event-id");
			lastEventIds.add(String.valueOf(lastEventId));
			if (lastEventIds.size() == 1) {
				// The first stream brings one event, then the connection ends without
				// done.
				route.fulfill(new Route.FulfillOptions().setStatus(200)
					.setContentType("text/event-stream")
					.setBody("id: 1\nevent: reasoning\ndata: {\"text\":\"Thinking before the drop\"}\n\n"));
			}
			else {
				route.resume();
			}
		});

		this.page.navigate(url);
		this.page.waitForCondition(() -> lastEventIds.size() == 2);
		answering.open();

		assertThat(this.page.locator("article.message--assistant .answer")).containsText("Here after all.");
		assertThat(lastEventIds).containsExactly("null", "1");
	}

	@Test
	void afterAFewFailedTriesThePageSaysTheConnectionIsLost() {
		Gate answering = new Gate();
		String url = runningAnswer(answering, "Thinking where nobody can hear");
		AtomicInteger attaches = new AtomicInteger();
		this.page.route(ATTACH, (route) -> {
			attaches.incrementAndGet();
			route.abort("connectionrefused");
		});
		// The pauses between tries are the page's own timers: run them on a clock the
		// test moves.
		this.page.clock().install();

		this.page.navigate(url);
		for (int tries = 1; tries < 5; tries++) {
			int seen = tries;
			this.page.waitForCondition(() -> attaches.get() >= seen);
			this.page.clock().runFor(10_000);
		}

		assertThat(this.page.locator(".notice--lost")).containsText("Lost the connection to this answer",
				new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
		assertThat(attaches).hasValue(5);
		shoot(this.page, "connection-lost-wide-light");
		answering.open();
	}

	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("looks")
	void theThinkingPanelSaysWhileTheModelIsTriedAgainAndForgetsItWhenTextArrives(String size, int width, int height,
			ColorScheme scheme) {
		Page page = newContext(new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme))
			.newPage();
		page.navigate("/");
		page.evaluate("""
				async () => {
					const { AssistantMessage } = await import('/js/message-view.js');
					const view = AssistantMessage.create();
					document.querySelector('.empty-state')?.setAttribute('hidden', '');
					document.getElementById('messages').append(view.el);
					view.begin({ startedAt: Date.now() });
					view.apply('retrying', { attempt: 2, maxAttempts: 3, delayMillis: 2000, code: 'rate_limited',
						message: 'The model is rate-limited upstream.' });
					window.retriedView = view;
				}""");
		Locator label = page.locator("article.message--assistant .thinking-label");

		assertThat(label).hasText("Retrying… 2 of 3");
		assertThat(label).hasAttribute("title", "The model is rate-limited upstream.");
		shoot(page, "retrying-" + size + "-" + scheme.name().toLowerCase(Locale.ROOT));

		page.evaluate("() => window.retriedView.apply('reasoning', { text: 'Now it thinks.' })");

		assertThat(label).hasText(Pattern.compile("^Thinking… "));
		assertThat(label).not().hasAttribute("title", Pattern.compile(".*"));
		page.context().close();
	}

	/**
	 * Needs the server's retries (the {@code retrying} event), which come with another
	 * branch of issue 14: a 429 before the first byte is tried again, and the page says
	 * so until the model's text arrives.
	 */
	@Test
	void aRateLimitedModelIsTriedAgainAndThePageSaysSo() {
		Gate thinking = new Gate();
		upstream.enqueue(Script.rateLimited(0),
				Script.stream()
					.chunk(Chunks.role())
					.waitFor(thinking)
					.chunk(Chunks.reasoning("Worth the wait."))
					.chunk(Chunks.content("Done."))
					.chunk(Chunks.finish("stop"))
					.done());
		this.page.navigate("/");

		ask(this.page, "Try again if you must");

		Locator label = this.page.locator("article.message--assistant .thinking-label");
		assertThat(label).hasText(Pattern.compile("^Retrying… \\d+ of \\d+$"));
		thinking.open();
		assertThat(this.page.locator("article.message--assistant .answer")).containsText("Done.");
		assertThat(label).not().containsText("Retrying");
	}

	/**
	 * Starts an answer that thinks and then waits at the gate; returns its page's
	 * address.
	 */
	private String runningAnswer(Gate answering, String reasoning) {
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning(reasoning))
			.waitFor(answering)
			.chunk(Chunks.content("Here after all."))
			.chunk(Chunks.finish("stop"))
			.done());
		this.page.navigate("/");
		ask(this.page, "Will you still be there?");
		// Only the setting up: a slow first answer on a loaded machine is not what these
		// tests are about.
		assertThat(this.page.locator(".thinking-body")).containsText(reasoning,
				new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		assertThat(this.page).hasURL(Pattern.compile("/c/"));
		String url = this.page.url();
		this.page.navigate("about:blank");
		return url;
	}

}
