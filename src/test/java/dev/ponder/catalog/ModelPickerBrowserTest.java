package dev.ponder.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model picker and the reasoning control in Chromium, against two fake endpoints:
 * OpenRouter with a 400-model catalogue and a local server with Ollama's bare list.
 * Screenshots land in {@code target/screenshots} for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:picker-test;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s", "ponder.checkpoint-interval=200ms",
				"ponder.endpoints.down.base-url=http://127.0.0.1:9/v1", "ponder.catalog.fetch-timeout=5s" })
class ModelPickerBrowserTest extends BrowserTestSupport {

	static final FakeUpstream local = FakeUpstream.start();

	private static boolean usageSeeded;

	@Autowired
	ModelCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void localServer(DynamicPropertyRegistry registry) {
		registry.add("ponder.endpoints.local.base-url", local::baseUrl);
	}

	@AfterAll
	static void stopLocalServer() {
		local.close();
	}

	@BeforeEach
	void fullCatalogue() {
		upstream.models(CatalogModelTest.fixture("openrouter-400.json"));
		local.reset();
		local.models(CatalogModelTest.fixture("ollama.json"));
		this.catalog.refresh();
	}

	@Test
	void typingFiltersArrowsMoveAndEnterChooses() {
		upstream.enqueue(Script.answer(List.of("hm"), List.of("ok"), Duration.ZERO));
		this.page.navigate("/");
		Locator input = openPicker(this.page);
		assertThat(this.page.locator(".picker-count")).hasText(Pattern.compile("^4\\d\\d models$"));

		input.pressSequentially("claude sonnet 4.5");
		List<String> shown = this.page.locator(".picker-option:not([hidden]) .opt-id").allTextContents();
		assertThat(shown).isNotEmpty().allSatisfy((id) -> assertThat(id).contains("claude-sonnet-4.5"));
		input.press("ArrowDown");
		String second = this.page.locator(".picker-option.is-active .opt-id").textContent();
		input.press("Enter");

		assertThat(this.page.locator(".picker")).isHidden();
		assertThat(this.page.locator("input[name=model]")).hasValue(second);
		assertThat(this.page.locator(".model-button")).isFocused();
		ask(this.page, "Hello");
		assertThat(upstream.takeRequest().json().get("model").asString()).isEqualTo(second);
	}

	@Test
	void modelOfAnotherServerIsSentThereAndItsReasoningFillsTheSamePanel() {
		local.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoningContent("Thinking at home."))
			.chunk(Chunks.content("Local answer."))
			.chunk(Chunks.finish("stop"))
			.done());
		this.page.navigate("/");
		Locator input = openPicker(this.page);
		this.page.locator(".picker-filters .filter-chip[data-endpoint=local]").click();
		input.pressSequentially("qwen3");
		input.press("Enter");

		assertThat(this.page.locator(".model-button-endpoint")).hasText("local");
		assertThat(this.page.locator("select[name=effort] option"))
			.hasText(new String[] { "High", "Medium", "Low", "Off", "Hidden" });
		assertThat(this.page.locator("#composer-note")).containsText("local does not say whether qwen3:8b reasons");
		this.page.locator("select[name=effort]").selectOption("low");
		ask(this.page, "Think locally");

		assertThat(this.page.locator("article.message--assistant .answer")).hasText("Local answer.");
		this.page.locator("article.message--assistant .thinking-summary").click();
		assertThat(this.page.locator("article.message--assistant .thinking-body")).hasText("Thinking at home.");
		JsonNode body = local.takeRequest().json();
		assertThat(body.get("model").asString()).isEqualTo("qwen3:8b");
		assertThat(body.get("reasoning_effort").asString()).isEqualTo("low");
		assertThat(upstream.requests()).noneMatch((request) -> request.path().endsWith("/chat/completions"));
	}

	@Test
	void reasoningControlOffersWhatTheModelAccepts() {
		upstream.enqueue(Script.answer(List.of(), List.of("ok"), Duration.ZERO));
		this.page.navigate("/");
		Locator effort = this.page.locator("select[name=effort]");

		choose(this.page, firstIdThatCannotReason());
		assertThat(effort).isDisabled();
		assertThat(effort.locator("option")).hasText(new String[] { "No reasoning" });
		assertThat(this.page.locator("#composer-note")).containsText("cannot show reasoning");

		String budgeted = firstId("reasoning", "supports_max_tokens", true, "mandatory", false);
		choose(this.page, budgeted);
		assertThat(effort).isEnabled();
		assertThat(effort.locator("option[value^='budget:']")).hasCount(1);
		assertThat(effort.locator("option[value=hidden]")).hasCount(1);
		effort.selectOption(new SelectOption().setLabel("Budget…"));
		this.page.locator("input[name=maxTokens]").fill("2000");
		// Sent with the button, which the browser's own checks of the form can block
		// (Enter does not run them): any whole number of tokens is a budget.
		this.page.locator("textarea[name=content]").fill("Think within a budget");
		this.page.locator(".send-button").click();

		JsonNode reasoning = upstream.takeRequest().json().get("reasoning");
		assertThat(reasoning.get("max_tokens").asInt()).isEqualTo(2000);
		assertThat(reasoning.has("effort")).isFalse();
	}

	@Test
	void aConversationRemembersItsModelAndReasoning() {
		local.enqueue(Script.answer(List.of("a"), List.of("b"), Duration.ZERO));
		this.page.navigate("/");
		Locator input = openPicker(this.page);
		input.fill("deepseek-r1:14b");
		input.press("Enter");
		this.page.locator("select[name=effort]").selectOption("hidden");
		ask(this.page, "Remember me");
		assertThat(this.page.locator("article.message--assistant")).hasAttribute("data-status", "COMPLETE");

		this.page.reload();

		assertThat(this.page.locator(".model-button-name")).hasText("deepseek-r1:14b");
		assertThat(this.page.locator(".model-button-endpoint")).hasText("local");
		assertThat(this.page.locator("select[name=effort]")).hasValue("hidden");
		assertThat(this.page.locator("article.message--assistant .message-meta"))
			.containsText("local · deepseek-r1:14b");
	}

	@Test
	void anIdNoListHoldsCanStillBeTypedAndSent() {
		upstream.enqueue(Script.answer(List.of(), List.of("ok"), Duration.ZERO));
		this.page.navigate("/");
		Locator input = openPicker(this.page);

		input.pressSequentially("acme/brand-new-model");
		assertThat(this.page.locator(".picker-option--typed")).containsText("Use “acme/brand-new-model” as typed");
		input.press("Enter");

		assertThat(this.page.locator("#composer-note")).containsText("openrouter does not list acme/brand-new-model");
		ask(this.page, "Hi");
		assertThat(upstream.takeRequest().json().get("model").asString()).isEqualTo("acme/brand-new-model");
	}

	@Test
	void canReasonFilterAndStarsPutModelsOnTop() {
		this.page.navigate("/");
		Locator input = openPicker(this.page);
		int all = count(this.page);
		this.page.locator(".picker-filters .filter-chip", new Page.LocatorOptions().setHasText("Can reason")).click();
		int reasoning = count(this.page);
		assertThat(reasoning).isLessThan(all).isGreaterThan(0);
		assertThat(this.page.locator(".picker-option:not([hidden])[data-reasoning=false]")).hasCount(0);

		input.fill("kimi k2 thinking");
		String starred = this.page.locator(".picker-option.is-active .opt-id").textContent();
		input.press("Alt+s");
		input.press("Escape");
		openPicker(this.page);

		Locator firstGroup = this.page.locator(".picker-group:not([hidden])").first();
		assertThat(firstGroup.locator(".picker-group-title")).hasText("Starred");
		assertThat(firstGroup.locator(".opt-id")).hasText(starred);
	}

	@Test
	void settingsShowEachEndpointAndTheKeyButNeverTheKey() {
		this.page.navigate("/settings");

		assertThat(this.page.locator(".endpoint[data-endpoint=openrouter]")).containsText("Reachable");
		assertThat(this.page.locator(".endpoint[data-endpoint=openrouter] .endpoint-facts")).containsText("401");
		assertThat(this.page.locator(".endpoint[data-endpoint=down]")).containsText("Unreachable");
		assertThat(this.page.locator(".endpoint[data-endpoint=down] .endpoint-error")).containsText("Could not reach");
		assertThat(this.page.locator(".key-status")).containsText("sk-or-v1-0e6...1c9");
		assertThat(this.page.locator("#credit-chip")).hasText("$7.50 left");
		assertThat(this.page.content()).doesNotContain(API_KEY);

		this.page.locator("button", new Page.LocatorOptions().setHasText("Refresh models")).click();
		assertThat(this.page.locator(".flash")).containsText("Asked every endpoint");
	}

	@Test
	void usagePageChartsCostPerDay() {
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.content("ok"))
			.chunk(Chunks.finish("stop"))
			.chunk(Chunks.usage(1200, 800, 500, 0.0125))
			.done());
		this.page.navigate("/");
		Locator input = openPicker(this.page);
		input.fill("acme/usage-probe");
		input.press("Enter");
		ask(this.page, "Spend a little");
		assertThat(this.page.locator("article.message--assistant")).hasAttribute("data-status", "COMPLETE");
		assertThat(this.page.locator(".chat-totals")).containsText("$0.013");

		this.page.navigate("/usage?days=7");

		// One bar a day; a day whose answers reasoned also has its reasoning part drawn
		// in it.
		assertThat(this.page.locator(".chart-bars > g")).hasCount(7);
		Locator today = this.page.locator(".chart-bars g").last();
		assertThat(Double.parseDouble(today.locator("rect:not(.chart-reasoning)").getAttribute("height")))
			.isGreaterThan(0);
		assertThat(today.locator("title")).containsText(LocalDate.now().getDayOfMonth() + " ");
		Locator row = this.page.locator(".usage-table--models tr[data-model=\"acme/usage-probe\"]");
		// The cell's second line (its reasoning part) shows on a phone only.
		assertThat(row.locator(".cost span").first()).hasText("$0.013");
		assertThat(row.locator(".endpoint-tag")).hasText("openrouter");
	}

	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("looks")
	void pickerReasoningSettingsAndUsageFitTheScreen(String size, int width, int height, ColorScheme scheme) {
		BrowserContext context = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme));
		context.setDefaultTimeout(10_000);
		Page page = context.newPage();
		String name = size + "-" + scheme.name().toLowerCase();
		page.navigate("/");
		Locator input = openPicker(page);
		input.fill("deepseek");
		assertFits(page);
		shoot(page, "picker-" + name);

		input.press("Escape");
		choose(page, firstId("reasoning", "supports_max_tokens", true, "mandatory", false));
		page.locator("select[name=effort]").selectOption(new SelectOption().setLabel("Budget…"));
		// Single mode's bar at its fullest (files, model, parameters, a budget, presets)
		// stays inside the composer.
		assertThat(page.locator(".chip-budget")).isVisible();
		assertThat(page.locator(".preset-button")).isVisible();
		assertFits(page);
		assertComposerBarFits(page);
		shoot(page, "reasoning-budget-" + name);
		choose(page, firstIdThatCannotReason());
		assertFits(page);
		shoot(page, "reasoning-none-" + name);

		page.navigate("/settings");
		assertFits(page);
		shoot(page, "settings-" + name);
		seedAWeekOfUsage();
		page.navigate("/usage?days=7");
		assertThat(page.locator(".usage-table--models")).isVisible();
		assertFits(page);
		shoot(page, "usage-" + name);
		context.close();
	}

	/**
	 * Answers with costs, spread over the last days by moving their timestamps back (the
	 * app stamps them with the time they were sent), so the chart has something to show.
	 */
	private void seedAWeekOfUsage() {
		if (usageSeeded) {
			return;
		}
		usageSeeded = true;
		double[] costs = { 0.0042, 0.0311, 0.012, 0.0007, 0.0254, 0.0188 };
		for (double cost : costs) {
			upstream.enqueue(Script.stream()
				.chunk(Chunks.role())
				.chunk(Chunks.content("ok"))
				.chunk(Chunks.finish("stop"))
				.chunk(Chunks.usage(900, 1400, 1100, cost))
				.done());
			allEvents(postForEvents("/api/conversations/" + newConversation() + "/messages",
					"{\"content\":\"Seed\",\"model\":\"deepseek/deepseek-r1\"}"));
		}
		List<UUID> answers = this.jdbc.queryForList(
				"select id from message where role = 'ASSISTANT' and model = 'deepseek/deepseek-r1' order by created_at",
				UUID.class);
		for (int i = 0; i < answers.size(); i++) {
			this.jdbc.update("update message set created_at = ? where id = ?",
					OffsetDateTime.now(ZoneOffset.UTC).minusDays(i % 6), answers.get(i));
		}
	}

	/** The first fixture model whose reasoning object has these values. */
	private static String firstId(String object, String field, boolean value, String otherField, boolean other) {
		JsonNode data = json.readTree(CatalogModelTest.fixture("openrouter-400.json")).get("data");
		return data.valueStream()
			.filter((model) -> model.path(object).path(field).asBoolean() == value
					&& model.path(object).path(otherField).asBoolean() == other && model.has(object))
			.map((model) -> model.get("id").asString())
			.findFirst()
			.orElseThrow();
	}

	private static String firstIdThatCannotReason() {
		JsonNode data = json.readTree(CatalogModelTest.fixture("openrouter-400.json")).get("data");
		return data.valueStream()
			.filter((model) -> !model.path("supported_parameters").isEmpty() && !model.has("reasoning"))
			.map((model) -> model.get("id").asString())
			.findFirst()
			.orElseThrow();
	}

	private static Locator openPicker(Page page) {
		page.locator(".model-button").click();
		Locator input = page.locator(".picker-input");
		assertThat(input).isFocused();
		return input;
	}

	private static void choose(Page page, String id) {
		Locator input = openPicker(page);
		input.fill(id);
		page.locator(".picker-option:not([hidden])[data-key=\"openrouter " + id + "\"]").first().click();
		assertThat(page.locator("input[name=model]")).hasValue(id);
	}

	private static int count(Page page) {
		return page.locator(".picker-option:not([hidden])").count();
	}

}
