package dev.ponder.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.provider.Arguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app driven through Debian's Chromium with Playwright. One browser per test
 * class (its start is the slow part), a fresh context per test. Never downloads a
 * browser: where {@code /usr/bin/chromium} is missing the tests are skipped, saying so.
 */
public abstract class BrowserTestSupport extends AppTestSupport {

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static Playwright playwright;

	private static Browser browser;

	private BrowserContext context;

	protected Page page;

	/**
	 * The four looks every page is checked in, for {@code @MethodSource("looks")}: wide
	 * and phone, light and dark, as {@code (name, width, height, scheme)}.
	 */
	protected static Stream<Arguments> looks() {
		return Stream.of(Arguments.of("wide", 1280, 860, ColorScheme.LIGHT),
				Arguments.of("wide", 1280, 860, ColorScheme.DARK), Arguments.of("phone", 390, 844, ColorScheme.LIGHT),
				Arguments.of("phone", 390, 844, ColorScheme.DARK));
	}

	@BeforeAll
	static void launchBrowser() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				"Browser tests skipped: Debian's Chromium is not installed (apt-get install chromium)");
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
						"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost")));
	}

	@AfterAll
	static void closeBrowser() {
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	@BeforeEach
	void openPage() {
		this.context = browser.newContext(contextOptions());
		this.context.setDefaultTimeout(10_000);
		this.page = this.context.newPage();
		// A dialog can only come from a script that should never have run (model output
		// as HTML).
		this.page.onDialog((dialog) -> {
			throw new AssertionError("A script opened a dialog: " + dialog.message());
		});
	}

	@AfterEach
	void closePage() {
		if (this.context != null) {
			this.context.close();
		}
	}

	/**
	 * Options for each test's browser context; subclasses may set a viewport, colour
	 * scheme, …
	 */
	protected Browser.NewContextOptions contextOptions() {
		return new Browser.NewContextOptions().setBaseURL(baseUrl()).setViewportSize(1280, 860);
	}

	protected String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Types a message into the composer and sends it with Enter, as a person would. */
	protected static void ask(Page page, String question) {
		page.locator("textarea[name=content]").fill(question);
		page.locator("textarea[name=content]").press("Enter");
	}

	/** Nothing spills sideways: the page is no wider than its window. */
	protected static void assertFits(Page page) {
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

	/**
	 * Every chip of the composer's bar, and Send, lie inside the composer's box (none cut
	 * off or under Send).
	 */
	protected static void assertComposerBarFits(Page page) {
		Object outside = page.evaluate(
				"""
						() => {
							const box = document.querySelector('.composer-box').getBoundingClientRect();
							const send = document.querySelector('.composer-bar .send-button, .composer-bar button[type=submit]');
							const sendLeft = send ? send.getBoundingClientRect().left : box.right;
							const sendTop = send ? send.getBoundingClientRect().top : box.bottom;
							return [...document.querySelectorAll('.composer-options > *')]
								.filter((el) => el.getClientRects().length)
								.filter((el) => {
									const r = el.getBoundingClientRect();
									const besideSend = r.bottom > sendTop && r.right > sendLeft;
									return r.left < box.left || r.right > box.right || besideSend;
								})
								.map((el) => el.className);
						}""");
		assertThat((List<?>) outside).as("composer chips outside the box or under Send").isEmpty();
	}

	/** Saves a screenshot under {@code target/screenshots} for a person to look at. */
	/**
	 * Waits for the page to come to rest before a picture (a chevron turning, a panel
	 * sliding): for the running animations that end. Two seconds at most: one that never
	 * ends where it should (its element gone) held a screenshot for good once; this
	 * bounds a picture, not anything a test asserts.
	 */
	protected static void settle(Page page) {
		page.evaluate("() => Promise.race([Promise.all(document.getAnimations()"
				+ ".filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity)"
				+ ".map((a) => a.finished.catch(() => null))), new Promise((done) => setTimeout(done, 2000))])");
	}

	protected static void shoot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
	}

	/** A new context for the same browser, e.g. with JavaScript off or at phone size. */
	protected BrowserContext newContext(Browser.NewContextOptions options) {
		return browser.newContext(options.setBaseURL(baseUrl()));
	}

}
