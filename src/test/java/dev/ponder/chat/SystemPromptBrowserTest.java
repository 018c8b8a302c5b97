package dev.ponder.chat;

import java.nio.file.Paths;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import dev.ponder.catalog.ModelCatalog;
import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A conversation's system prompt and the composer's parameters in Chromium: set from the
 * header, shown folded above the thread after a reload, sent with a new chat's first
 * message, and the parameters set in their popover reaching the answer's meta line.
 */
class SystemPromptBrowserTest extends BrowserTestSupport {

	/** Listed by the fake's {@code /models} with all four parameters. */
	private static final String ALL_FOUR = "openai/gpt-4o-mini";

	/** Listed with temperature and max_tokens only. */
	private static final String NO_SEED = "anthropic/claude-sonnet-4.5";

	@Autowired
	ModelCatalog catalog;

	@BeforeEach
	void listTheFakesModels() {
		this.catalog.refresh();
	}

	@Test
	void aSystemPromptSetFromTheHeaderIsShownFoldedAfterAReload_andTheTemperatureSetReachesTheMetaLine() {
		upstream.enqueue(answering("Hello there."), answering("Ahoy, matey."));
		UUID conversation = conversationWithOneAnswer();
		this.page.navigate("/c/" + conversation);

		this.page.locator(".chat-menu-button").click();
		this.page.locator(".menu-system-prompt").click();
		Locator editor = this.page.locator(".system-prompt-editor textarea");
		editor.fill("Talk like a pirate.\nKeep it short.");
		editor.press("Control+Enter");
		assertThat(this.page.locator(".system-prompt-editor")).hasCount(0);
		// The keyboard goes back to the menu's button, where it came from.
		assertThat(this.page.locator(".chat-menu-button")).isFocused();
		this.page.reload();

		Locator folded = this.page.locator("details.system-prompt");
		assertThat(folded).isVisible();
		assertThat(folded.locator(".system-prompt-first")).hasText("Talk like a pirate.");
		assertThat(folded.locator(".system-prompt-text")).not().isVisible();
		folded.locator("summary").click();
		assertThat(folded.locator(".system-prompt-text")).hasText("Talk like a pirate.\nKeep it short.");
		folded.locator(".system-prompt-edit").click();
		this.page.locator(".system-prompt-editor textarea").press("Escape");
		assertThat(this.page.locator(".system-prompt-editor")).hasCount(0);
		assertThat(folded.locator(".system-prompt-edit")).isFocused();

		this.page.locator(".chip--parameters").click();
		this.page.locator(".parameters-popover input[name=temperature]").fill("0.2");
		this.page.locator(".parameters-popover button[type=submit]").click();
		assertThat(this.page.locator(".chip--parameters .chip-badge")).hasText("1");
		ask(this.page, "Who are you?");

		assertThat(this.page.locator("article.message--assistant").last().locator(".message-meta"))
			.containsText("temperature 0.2");
		upstream.takeRequest();
		JsonNode sent = upstream.takeRequest().json();
		assertThat(sent.get("messages").get(0).get("content").asString())
			.isEqualTo("Talk like a pirate.\nKeep it short.");
		assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
		this.page.reload();
		assertThat(this.page.locator(".chip--parameters .chip-badge")).hasText("1");
	}

	@Test
	void aNewChatsSystemPromptGoesWithItsFirstMessageAndIsThenShownFolded() {
		upstream.enqueue(answering("Bonjour !"));
		this.page.navigate("/");

		this.page.locator(".composer-system summary").click();
		this.page.locator(".composer-system textarea").fill("Answer in French.");
		ask(this.page, "Hello");

		assertThat(this.page.locator("article.message--assistant .answer")).containsText("Bonjour");
		assertThat(this.page.locator("details.system-prompt .system-prompt-first")).hasText("Answer in French.");
		assertThat(this.page.locator(".composer-system")).hasCount(0);
		assertThat(upstream.takeRequest().json().get("messages").get(0).get("content").asString())
			.isEqualTo("Answer in French.");
	}

	@Test
	void theParametersPopoverShowsOnlyWhatTheModelTakes_andResetGoesBackToTheDefaults() {
		this.page.navigate("/");
		choose(NO_SEED);

		this.page.locator(".chip--parameters").click();
		Locator popover = this.page.locator(".parameters-popover");
		assertThat(popover.locator("input[name=temperature]")).isVisible();
		assertThat(popover.locator("input[name=maxTokens]")).isVisible();
		assertThat(popover.locator("input[name=seed]")).not().isVisible();
		assertThat(popover.locator("input[name=topP]")).not().isVisible();
		popover.locator("input[name=maxTokens]").fill("300");
		assertThat(this.page.locator(".chip--parameters .chip-badge")).hasText("1");
		popover.locator(".parameters-reset").click();

		assertThat(this.page.locator(".chip--parameters .chip-badge")).isHidden();
		assertThat(popover.locator("input[name=maxTokens]")).hasValue("");
	}

	@Test
	void anOutOfRangeParameterIsMarkedAndDoneWaitsUntilItIsCorrected() {
		this.page.navigate("/");
		choose(NO_SEED);
		this.page.locator(".chip--parameters").click();
		Locator popover = this.page.locator(".parameters-popover");
		Locator temperature = popover.locator("input[name=temperature]");
		temperature.fill("3");

		assertThat(temperature).hasAttribute("aria-invalid", "true");
		assertThat(popover.locator("#parameter-hint-temperature")).hasText("Not sent: enter a number from 0 to 2.");
		assertThat(this.page.locator(".chip--parameters .chip-badge")).isHidden();
		popover.locator("button[type=submit]").click();
		assertThat(popover).isVisible();
		assertThat(temperature).isFocused();

		temperature.fill("1.5");
		assertThat(temperature).not().hasAttribute("aria-invalid", "true");
		assertThat(popover.locator("#parameter-hint-temperature")).hasText("0 to 2; lower is steadier");
		popover.locator("button[type=submit]").click();
		assertThat(popover).hasCount(0);
		assertThat(this.page.locator(".chip--parameters .chip-badge")).hasText("1");
	}

	@Test
	void withoutJavaScriptTheNewChatFormAndTheHeadersMenuSetTheSystemPrompt() {
		upstream.enqueue(answering("Short."));
		try (BrowserContext noScript = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
			Page plain = noScript.newPage();
			plain.navigate("/");

			plain.locator(".composer-system summary").click();
			plain.locator(".composer-system textarea").fill("Be short.");
			plain.locator("input[name=model]").fill(ALL_FOUR);
			plain.locator("textarea[name=content]").fill("Hello");
			plain.locator(".send-button").click();
			assertThat(plain).hasURL(Pattern.compile("/c/[0-9a-f-]{36}"));
			assertThat(upstream.takeRequest().json().get("messages").get(0).get("content").asString())
				.isEqualTo("Be short.");
			assertThat(plain.locator("details.system-prompt .system-prompt-first")).hasText("Be short.");
			// Without JavaScript the page reloads itself every 3 s while the answer runs,
			// closing the menu: open it on a page loaded once the answer has ended.
			String conversation = plain.url().substring(plain.url().lastIndexOf('/') + 1);
			await().until(() -> exchange(HttpMethod.GET, "/api/conversations/" + conversation, null).body()
				.get("messages")
				.get(1)
				.get("status")
				.asString(), "COMPLETE"::equals);
			plain.navigate("/c/" + conversation);
			// From the keyboard: Playwright's pointer actions on the open menu of a page
			// without JavaScript can wait forever for it to be "stable" (see
			// ShareBrowserTest).
			plain.locator(".chat-menu-fallback > summary").press("Enter");
			plain.locator("#system-prompt-fallback").fill("Be shorter.");
			plain.locator("button", new Page.LocatorOptions().setHasText("Save system prompt")).press("Enter");

			assertThat(plain.locator("details.system-prompt .system-prompt-first")).hasText("Be shorter.");
		}
	}

	@ParameterizedTest
	@MethodSource("looks")
	void theEditorTheFoldedPromptAndThePopoverFitTheScreen(String size, int width, int height, ColorScheme scheme) {
		upstream.enqueue(answering("Hello there."));
		UUID conversation = conversationWithOneAnswer();
		exchange(HttpMethod.PATCH, "/api/conversations/" + conversation,
				"{\"systemPrompt\":\"You are a careful tutor. Explain each step, check the arithmetic twice, "
						+ "and end with a one-line summary.\\nUse British English.\"}");
		String name = size + "-" + scheme.name().toLowerCase();
		try (BrowserContext context = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme))) {
			Page page = context.newPage();
			page.navigate("/c/" + conversation);
			assertThat(page.locator("details.system-prompt")).isVisible();
			assertFits(page);
			save(page, "folded-" + name);

			page.locator("details.system-prompt summary").click();
			page.locator(".system-prompt-edit").click();
			assertThat(page.locator(".system-prompt-editor")).isVisible();
			assertFits(page);
			save(page, "editor-" + name);
			page.locator(".system-prompt-editor textarea").press("Escape");

			page.locator(".chip--parameters").click();
			page.locator(".parameters-popover input[name=temperature]").fill("0.7");
			assertThat(page.locator(".parameters-popover")).isVisible();
			assertFits(page);
			save(page, "parameters-" + name);

			page.navigate("/");
			page.locator(".composer-system summary").click();
			page.locator(".composer-system textarea").fill("Answer briefly, in British English.");
			assertFits(page);
			save(page, "new-chat-" + name);
		}
	}

	private void save(Page page, String name) {
		shoot(page, "system-prompt-" + name);
		String shots = System.getenv("PONDER_SHOTS");
		if (shots != null) {
			page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(shots, name + ".png")));
		}
	}

	private void choose(String id) {
		this.page.locator(".model-button").click();
		this.page.locator(".picker-input").fill(id);
		this.page.locator(".picker-option:not([hidden])[data-key=\"openrouter " + id + "\"]").first().click();
		assertThat(this.page.locator("input[name=model]")).hasValue(id);
	}

	private UUID conversationWithOneAnswer() {
		UUID conversation = newConversation();
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Hi\",\"model\":\"" + ALL_FOUR + "\"}"));
		return conversation;
	}

	private static Script answering(String answer) {
		FakeGeneration generation = FakeGeneration.unique().servedBy(ALL_FOUR, "Fake");
		return Script.stream()
			.chunk(generation.role())
			.chunk(generation.content(answer))
			.chunk(generation.finish("stop"))
			.chunk(generation.usage(10, 3, 0, 0.0001))
			.done();
	}

}
