package dev.ponder.preset;

import java.util.Map;
import java.util.UUID;

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

/**
 * Presets in Chromium: the composer saved as a preset, picked with the keyboard in a new
 * chat and sent; the presets page edits and deletes; and how the picker and the page
 * look, wide and on a phone, light and dark.
 */
class PresetBrowserTest extends BrowserTestSupport {

	/** Listed by the fake's {@code /models}; takes temperature, not seed. */
	private static final String CLAUDE = "anthropic/claude-sonnet-4.5";

	@Autowired
	ModelCatalog catalog;

	@BeforeEach
	void listTheFakesModels() {
		this.catalog.refresh();
	}

	@Test
	void theComposerSavedAsAPresetIsPickedWithTheKeyboardInANewChatAndSent() {
		String name = "Heron " + UUID.randomUUID().toString().substring(0, 6);
		this.page.navigate("/");
		choose(CLAUDE);
		this.page.locator("select[name=effort]").selectOption("hidden");
		this.page.locator(".chip--parameters").click();
		this.page.locator(".parameters-popover input[name=temperature]").fill("0.3");
		this.page.locator(".parameters-popover button[type=submit]").click();
		this.page.locator(".composer-system summary").click();
		this.page.locator(".composer-system textarea").fill("Speak like a heron.");

		this.page.locator(".preset-button").click();
		this.page.locator(".preset-save-open").click();
		this.page.locator(".preset-name-input").fill(name);
		this.page.locator(".preset-name-input").press("Enter");
		assertThat(this.page.locator(".preset-option .opt-name", new Page.LocatorOptions().setHasText(name)))
			.isVisible();

		upstream.enqueue(answering("Krraak, said the heron."));
		this.page.navigate("/");
		assertThat(this.page.locator("input[name=model]")).hasValue("deepseek/deepseek-r1");
		this.page.locator("textarea[name=content]").fill("Who fishes at dawn?");
		this.page.keyboard().press("Alt+KeyP");
		assertThat(this.page.locator(".preset-input")).isFocused();
		this.page.keyboard().type(name.toLowerCase());
		assertThat(this.page.locator(".preset-option.is-active .opt-name")).hasText(name);
		this.page.keyboard().press("Enter");

		assertThat(this.page.locator("input[name=model]")).hasValue(CLAUDE);
		assertThat(this.page.locator("select[name=effort]")).hasValue("hidden");
		assertThat(this.page.locator(".composer-system textarea")).hasValue("Speak like a heron.");
		assertThat(this.page.locator(".chip--parameters .chip-badge")).hasText("1");
		// The typed text stays, and the keyboard is back in it.
		assertThat(this.page.locator("textarea[name=content]")).hasValue("Who fishes at dawn?");
		assertThat(this.page.locator("textarea[name=content]")).isFocused();
		this.page.keyboard().press("Enter");

		Locator answer = this.page.locator("article.message--assistant").last();
		assertThat(answer.locator(".answer")).containsText("Krraak");
		assertThat(answer.locator(".message-meta")).containsText(CLAUDE + " · Fake · temperature 0.3");
		assertThat(this.page.locator("details.system-prompt .system-prompt-first")).hasText("Speak like a heron.");
		JsonNode sent = upstream.takeRequest().json();
		assertThat(sent.get("model").asString()).isEqualTo(CLAUDE);
		assertThat(sent.get("messages").get(0).get("role").asString()).isEqualTo("system");
		assertThat(sent.get("messages").get(0).get("content").asString()).isEqualTo("Speak like a heron.");
		assertThat(sent.get("temperature").asDouble()).isEqualTo(0.3);
		assertThat(sent.get("reasoning").get("exclude").asBoolean()).isTrue();
	}

	@Test
	void anOpenConversationTakesAPickedPresetsSystemPromptAtOnce() {
		String name = "Stork " + UUID.randomUUID().toString().substring(0, 6);
		exchange(HttpMethod.POST, "/api/presets", json.writeValueAsString(
				Map.of("name", name, "model", CLAUDE, "systemPrompt", "Deliver every answer like a stork.")));
		upstream.enqueue(answering("Hello."));
		UUID conversation = newConversation();
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Hi\",\"model\":\"" + CLAUDE + "\"}"));
		this.page.navigate("/c/" + conversation);
		assertThat(this.page.locator("details.system-prompt")).isHidden();

		this.page.locator(".preset-button").click();
		this.page.locator(".preset-input").fill(name);
		// The list is read at each opening: Enter once it is there.
		assertThat(this.page.locator(".preset-option.is-active .opt-name")).hasText(name);
		this.page.locator(".preset-input").press("Enter");

		assertThat(this.page.locator("details.system-prompt .system-prompt-first"))
			.hasText("Deliver every answer like a stork.");
		assertThat(conversation(conversation).get("systemPrompt").asString())
			.isEqualTo("Deliver every answer like a stork.");
	}

	@Test
	void thePresetsPageRenamesEditsAndDeletesAfterAsking() {
		String id = exchange(HttpMethod.POST, "/api/presets",
				"{\"name\":\"Pelican draft\",\"model\":\"openai/gpt-4o-mini\"}")
			.body()
			.get("id")
			.asString();
		this.page.navigate("/presets");
		Locator card = this.page.locator("#preset-" + id);

		card.locator("input[name=name]").fill("Pelican final");
		card.locator("textarea[name=systemPrompt]").fill("Answer with a fish pun.");
		card.locator("input[name=temperature]").fill("0.4");
		card.locator("button[type=submit]:not(.preset-delete)").click();

		assertThat(card.locator(".flash")).hasText("Saved.");
		assertThat(card.locator(".card-title")).hasText("Pelican final");
		JsonNode stored = exchange(HttpMethod.GET, "/api/presets/" + id, null).body();
		assertThat(stored.get("systemPrompt").asString()).isEqualTo("Answer with a fish pun.");
		assertThat(stored.get("parameters").get("temperature").asDouble()).isEqualTo(0.4);

		// The page's script has run (it hides the budget field of a preset without one),
		// so a delete asks first.
		assertThat(card.locator("input[name=budget]")).isHidden();
		card.locator(".preset-delete").click();
		this.page.locator(".confirm-dialog button[value=cancel]").click();
		assertThat(card).isVisible();
		card.locator(".preset-delete").click();
		this.page.locator(".confirm-dialog button[value=confirm]").click();
		assertThat(this.page.locator(".flash")).hasText("The preset is deleted.");
		assertThat(this.page.locator("#preset-" + id)).hasCount(0);
		assertThat(exchange(HttpMethod.GET, "/api/presets/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void aPresetsNameIsTextNeverMarkup() {
		String name = "<img src=x onerror=alert(1)> bittern";
		exchange(HttpMethod.POST, "/api/presets", json.writeValueAsString(Map.of("name", name)));

		this.page.navigate("/");
		this.page.locator(".preset-button").click();
		this.page.locator(".preset-input").fill("bittern");

		assertThat(this.page.locator(".preset-option:not([hidden]) .opt-name")).hasText(name);
		assertThat(this.page.locator(".preset-list img")).hasCount(0);
		this.page.navigate("/presets");
		assertThat(this.page.locator(".preset-card .card-title", new Page.LocatorOptions().setHasText("bittern")))
			.hasText(name);
		assertThat(this.page.locator(".presets-page img")).hasCount(0);
	}

	@Test
	void withoutJavaScriptThePresetsPageStillSavesAndDeletes() {
		String id = exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"Plain egret\"}").body().get("id").asString();
		try (BrowserContext context = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
			Page page = context.newPage();
			page.navigate("/presets");
			Locator card = page.locator("#preset-" + id);
			card.locator("input[name=model]").fill("openai/gpt-4o-mini");
			card.locator("button[type=submit]:not(.preset-delete)").click();
			assertThat(card.locator(".flash")).hasText("Saved.");
			assertThat(card.locator("input[name=model]")).hasValue("openai/gpt-4o-mini");

			exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"Taken egret\"}");
			card.locator("input[name=name]").fill("taken EGRET");
			card.locator("input[name=temperature]").fill("0.7");
			card.locator("select[name=reasoning]").selectOption("budget");
			card.locator("input[name=budget]").fill("3072");
			card.locator("button[type=submit]:not(.preset-delete)").click();
			assertThat(card.locator(".form-error")).containsText("choose another name");
			// The refused edit is still there to correct, not the stored values.
			assertThat(card.locator("input[name=name]")).hasValue("taken EGRET");
			assertThat(card.locator("input[name=temperature]")).hasValue("0.7");
			assertThat(card.locator("select[name=reasoning]")).hasValue("budget");
			assertThat(card.locator("input[name=budget]")).hasValue("3072");
			assertThat(card.locator("input[name=model]")).hasValue("openai/gpt-4o-mini");

			card.locator(".preset-delete").click();
			assertThat(page.locator(".flash")).hasText("The preset is deleted.");
			assertThat(page.locator("#preset-" + id)).hasCount(0);
		}
	}

	@Test
	void onlyOneComposerPanelIsOpenAtATime_andAltPWaitsWhileADialogIsOpen() {
		this.page.navigate("/");
		this.page.locator(".model-button").click();
		assertThat(this.page.locator(".picker-input")).isVisible();
		this.page.keyboard().press("Alt+KeyP");
		assertThat(this.page.locator(".preset-input")).isFocused();
		assertThat(this.page.locator(".picker-input")).isHidden();
		this.page.keyboard().press("Escape");
		assertThat(this.page.locator(".preset-input")).isHidden();

		this.page.evaluate("""
				() => {
					const dialog = document.createElement('dialog');
					dialog.textContent = 'Delete it?';
					document.body.append(dialog);
					dialog.showModal();
				}""");
		this.page.keyboard().press("Alt+KeyP");
		assertThat(this.page.locator(".preset-button")).hasAttribute("aria-expanded", "false");
		assertThat(this.page.locator(".preset-input")).isHidden();
	}

	@Test
	void aPresetWithoutASystemPromptClearsTheOneAnEarlierPresetPutInANewChat() {
		String word = UUID.randomUUID().toString().substring(0, 6);
		exchange(HttpMethod.POST, "/api/presets",
				"{\"name\":\"Stork " + word + " voiced\",\"systemPrompt\":\"Clatter your bill.\"}");
		exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"Stork " + word + " plain\"}");
		this.page.navigate("/");
		pickByKeyboard("stork " + word + " voiced");
		assertThat(this.page.locator(".composer-system textarea")).hasValue("Clatter your bill.");
		pickByKeyboard("stork " + word + " plain");
		assertThat(this.page.locator(".composer-system textarea")).hasValue("");
		assertThat(this.page.locator(".composer-system")).not().hasAttribute("open", "");
	}

	private void pickByKeyboard(String name) {
		this.page.keyboard().press("Alt+KeyP");
		this.page.locator(".preset-input").fill(name);
		assertThat(this.page.locator(".preset-option:not([hidden])")).hasCount(1);
		this.page.locator(".preset-input").press("Enter");
		assertThat(this.page.locator(".preset-input")).isHidden();
	}

	@Test
	void aDeleteOfAPresetGoneMeanwhileSaysSoOnThePage() {
		String id = exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"Fleeting egret\"}").body()
			.get("id")
			.asString();
		try (BrowserContext context = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
			Page page = context.newPage();
			page.navigate("/presets");
			exchange(HttpMethod.DELETE, "/api/presets/" + id, null);
			page.locator("#preset-" + id + " .preset-delete").click();
			assertThat(page.locator(".page-inner > .form-error")).hasText("No preset with id " + id + ".");
			assertThat(page.locator("#preset-" + id)).hasCount(0);
		}
	}

	@ParameterizedTest
	@MethodSource("looks")
	void thePickerAndThePageFitTheScreen(String size, int width, int height, ColorScheme scheme) {
		for (String body : new String[] {
				"{\"name\":\"Looks: careful tutor\",\"model\":\"deepseek/deepseek-r1\",\"reasoning\":{\"effort\":\"high\"},"
						+ "\"systemPrompt\":\"Explain each step.\",\"parameters\":{\"temperature\":0.2}}",
				"{\"name\":\"Looks: relay into mini\",\"model\":\"openai/gpt-4o-mini\","
						+ "\"relay\":{\"thinker\":\"deepseek/deepseek-r1\"}}",
				"{\"name\":\"Looks: three side by side\",\"compare\":[{\"model\":\"openai/gpt-4o-mini\"},"
						+ "{\"model\":\"deepseek/deepseek-r1\"},{\"model\":\"anthropic/claude-sonnet-4.5\"}]}" }) {
			exchange(HttpMethod.POST, "/api/presets", body);
		}
		String name = size + "-" + scheme.name().toLowerCase();
		try (BrowserContext context = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme))) {
			Page page = context.newPage();
			page.navigate("/");
			page.locator(".preset-button").click();
			page.locator(".preset-input").fill("looks");
			assertThat(page.locator(".preset-option:not([hidden])")).hasCount(3);
			assertFits(page);
			shoot(page, "presets-picker-" + name);
			page.locator(".preset-save-open").click();
			page.locator(".preset-name-input").fill("Looks: careful tutor");
			page.locator(".preset-name-input").press("Enter");
			assertThat(page.locator(".preset-save-error")).containsText("already");
			shoot(page, "presets-save-taken-" + name);

			page.navigate("/presets");
			assertThat(page.locator(".preset-card").first()).isVisible();
			assertFits(page);
			shoot(page, "presets-page-" + name);
		}
	}

	private void choose(String id) {
		this.page.locator(".model-button").click();
		this.page.locator(".picker-input").fill(id);
		this.page.locator(".picker-option:not([hidden])[data-key=\"openrouter " + id + "\"]").first().click();
		assertThat(this.page.locator("input[name=model]")).hasValue(id);
	}

	private static Script answering(String answer) {
		FakeGeneration generation = FakeGeneration.unique().servedBy(CLAUDE, "Fake");
		return Script.stream()
			.chunk(generation.role())
			.chunk(generation.content(answer))
			.chunk(generation.finish("stop"))
			.chunk(generation.usage(10, 3, 0, 0.0001))
			.done();
	}

}
