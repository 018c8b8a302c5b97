package dev.ponder.chat;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;

import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch "Let the model see its earlier reasoning" in Chromium: a checked item of the
 * header's menu that turns on and off, keeps its state over a reload, and marks the next
 * answer's meta line; and how the open menu looks.
 */
class CarryReasoningBrowserTest extends BrowserTestSupport {

	private static final String MODEL = "openai/gpt-4o-mini";

	private static final String SWITCH = "Let the model see its earlier reasoning";

	@Test
	void theMenuSwitchTurnsOnSurvivesAReloadAndMarksTheNextAnswer() {
		upstream.enqueue(thinking("Hello there."), thinking("Again, hello."));
		UUID conversation = conversationWithOneAnswer();
		this.page.navigate("/c/" + conversation);

		Locator item = openMenu(this.page);
		assertThat(item).hasAttribute("aria-checked", "false");
		Response on = switchOver(this.page, conversation, item);
		assertThat(this.page.getByRole(AriaRole.MENU)).hasCount(0);
		assertThat(on.status()).isEqualTo(200);
		assertThat(this.page.locator(".toast")).containsText("now sees its earlier reasoning");
		assertThat(this.page.locator(".toast")).containsText("more input tokens");
		assertThat(carries(conversation)).isTrue();
		this.page.reload();

		Locator again = openMenu(this.page);
		assertThat(again).hasAttribute("aria-checked", "true");
		this.page.keyboard().press("Escape");
		ask(this.page, "Once more?");

		assertThat(this.page.locator("article.message--assistant").last().locator(".message-meta"))
			.containsText("saw its earlier reasoning");
		assertThat(this.page.locator("article.message--assistant").first().locator(".message-meta")).not()
			.containsText("saw its earlier reasoning");
		upstream.takeRequest();
		assertThat(upstream.takeRequest().body()).contains("Let me greet them.");

		Response off = switchOver(this.page, conversation, openMenu(this.page));
		assertThat(off.status()).isEqualTo(200);
		assertThat(this.page.locator(".toast").last()).containsText("no longer sees its earlier reasoning");
		assertThat(carries(conversation)).isFalse();
		this.page.reload();
		assertThat(openMenu(this.page)).hasAttribute("aria-checked", "false");
	}

	@Test
	void withoutJavaScriptTheMenusSwitchIsAFormThatShowsItsState() {
		UUID conversation = newConversation();
		try (BrowserContext noScript = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
			Page plain = noScript.newPage();
			plain.navigate("/c/" + conversation);

			// From the keyboard: Playwright's pointer actions on the open menu of a page
			// without JavaScript can wait forever for it to be "stable" (see
			// ShareBrowserTest).
			plain.locator(".chat-menu-fallback > summary").press("Enter");
			Locator toggle = plain.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName(SWITCH));
			assertThat(toggle).hasAttribute("aria-checked", "false");
			toggle.press("Enter");
			plain.locator(".chat-menu-fallback > summary").press("Enter");

			assertThat(plain.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName(SWITCH)))
				.hasAttribute("aria-checked", "true");
			assertThat(carries(conversation)).isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("looks")
	void withoutJavaScriptEveryFieldOfTheMenuFitsInsideIt(String size, int width, int height, ColorScheme scheme) {
		UUID conversation = newConversation();
		exchange(HttpMethod.PATCH, "/api/conversations/" + conversation, "{\"systemPrompt\":\"Answer like a heron.\"}");
		try (BrowserContext noScript = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)
			.setViewportSize(width, height)
			.setColorScheme(scheme))) {
			Page plain = noScript.newPage();
			plain.navigate("/c/" + conversation);

			plain.locator(".chat-menu-fallback > summary").click();
			Locator menu = plain.locator(".chat-menu-fallback .menu--static");
			assertThat(menu.locator("textarea[name=systemPrompt]")).hasValue("Answer like a heron.");

			assertThat(outside(menu)).as("fields and buttons reaching past the menu's edge").isEmpty();
			assertThat(menu).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
			assertFits(plain);
			save(plain, "menu-without-javascript-" + size + "-" + scheme.name().toLowerCase());
		}
	}

	@ParameterizedTest
	@MethodSource("looks")
	void theMenuWithTheSwitchFitsTheScreen(String size, int width, int height, ColorScheme scheme) {
		upstream.enqueue(thinking("Hello there."));
		UUID conversation = conversationWithOneAnswer();
		exchange(HttpMethod.PATCH, "/api/conversations/" + conversation, "{\"carryReasoning\":true}");
		try (BrowserContext context = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme))) {
			Page page = context.newPage();
			page.navigate("/c/" + conversation);

			Locator item = openMenu(page);
			assertThat(item).hasAttribute("aria-checked", "true");
			assertThat(item).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
			assertFits(page);
			save(page, "menu-" + size + "-" + scheme.name().toLowerCase());
		}
	}

	private static Locator openMenu(Page page) {
		page.locator(".chat-menu-button").click();
		return page.getByRole(AriaRole.MENUITEMCHECKBOX, new Page.GetByRoleOptions().setName(SWITCH));
	}

	/**
	 * Clicks the switch and returns the answer to the PATCH it sends, once it has come:
	 * the page's own request is what the test waits on, not the clock.
	 */
	private static Response switchOver(Page page, UUID conversation, Locator item) {
		String path = "/api/conversations/" + conversation;
		return page.waitForResponse(
				(response) -> "PATCH".equals(response.request().method()) && response.url().endsWith(path),
				item::click);
	}

	/** The menu's fields and buttons that reach past its inner edges, by name. */
	private static List<?> outside(Locator menu) {
		return (List<?>) menu.evaluate("""
				(menu) => {
					const style = getComputedStyle(menu);
					const box = menu.getBoundingClientRect();
					const left = box.left + parseFloat(style.borderLeftWidth);
					const right = box.right - parseFloat(style.borderRightWidth);
					return [...menu.querySelectorAll('input:not([type=hidden]), textarea, button, summary')]
						.filter((el) => el.getClientRects().length)
						.filter((el) => {
							const r = el.getBoundingClientRect();
							return r.left < left || r.right > right;
						})
						.map((el) => el.name || el.textContent.trim());
				}""");
	}

	private boolean carries(UUID conversation) {
		return exchange(HttpMethod.GET, "/api/conversations/" + conversation, null).body()
			.get("carryReasoning")
			.asBoolean();
	}

	private static void save(Page page, String name) {
		shoot(page, "carry-reasoning-" + name);
		String shots = System.getenv("PONDER_SHOTS");
		if (shots != null) {
			page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(shots, name + ".png")));
		}
	}

	private UUID conversationWithOneAnswer() {
		UUID conversation = newConversation();
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Hi\",\"model\":\"" + MODEL + "\"}"));
		return conversation;
	}

	/** An answer that thought first, its reasoning streamed with details. */
	private static Script thinking(String answer) {
		FakeGeneration generation = FakeGeneration.unique().servedBy(MODEL, "Fake");
		return Script.answer(generation, List.of("Let me greet them."), List.of(answer), Duration.ZERO);
	}

}
