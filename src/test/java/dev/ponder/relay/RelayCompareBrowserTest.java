package dev.ponder.relay;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import dev.ponder.settings.AppSettings;
import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.Gate;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relay and compare in Chromium, against the fake upstream: the thinker-labelled panel,
 * columns streaming side by side, a column's failure its own, choosing the column that
 * continues, and the relay's template in settings. Screenshots land in
 * {@code target/screenshots} for a person to look at.
 */
class RelayCompareBrowserTest extends BrowserTestSupport {

	private static final String THINKER = "deepseek/deepseek-r1";

	private static final String ANSWERER = "openai/gpt-4o-mini";

	private static final String QUESTION = "Which is bigger: 9.11 or 9.9?";

	private static final String REASONING = "The user compares two decimals. Line them up: 9.11 and 9.90. "
			+ "The whole parts are equal, so compare the tenths: 1 against 9. Nine tenths is more than one tenth, "
			+ "so 9.9 is bigger. The trap is reading 11 as more than 9.";

	private static final String ANSWER = """
			**9.9 is bigger.** Write both with the same number of decimals:

			| number | as hundredths |
			| --- | --- |
			| 9.11 | 911 |
			| 9.90 | 990 |

			The digits after the point are tenths and hundredths, not a whole number: 0.9 is more than 0.11.
			""";

	@AfterEach
	void defaultTemplateAgain() {
		exchange(HttpMethod.PUT, "/api/settings/relay", "{\"template\":\"\"}");
	}

	@Test
	void aRelayFillsTheThinkersLabelledPanelThenStreamsTheAnswer() {
		Gate thinking = new Gate();
		Gate answering = new Gate();
		upstream.enqueueFor(THINKER, thinker(thinking));
		upstream.enqueueFor(ANSWERER, answerer(ANSWERER, answering, ANSWER));
		this.page.navigate("/");
		mode(this.page, "Relay");
		this.page.locator(".relay-plan [data-field=thinker]").fill(THINKER);
		answerWith(this.page, ANSWERER);

		ask(this.page, QUESTION);

		Locator answer = this.page.locator("article.message--assistant").last();
		Locator panel = answer.locator("details.thinking");
		assertThat(answer.locator(".relay-line")).hasText(THINKER + " is thinking…");
		assertThat(panel).hasAttribute("open", "");
		assertThat(panel.locator(".thinking-label")).containsText("Thinking");
		assertThat(panel.locator(".thinking-by")).hasText("· " + THINKER);
		assertThat(panel.locator(".thinking-body")).containsText("compare the tenths");
		thinking.open();
		assertThat(answer.locator(".relay-line")).hasText(ANSWERER + " is answering…");
		assertThat(panel).not().hasAttribute("open", "");
		answering.open();
		assertThat(answer.locator(".answer strong")).hasText("9.9 is bigger.");
		assertThat(answer).hasAttribute("data-status", "COMPLETE");
		assertThat(answer.locator(".relay-line")).hasText("Reasoning by " + THINKER + ", answer by " + ANSWERER);
		assertThat(answer.locator(".message-meta")).containsText("thinking by " + THINKER);

		this.page.reload();

		Locator saved = this.page.locator("article.message--assistant").last();
		assertThat(saved.locator(".relay-line")).hasText("Reasoning by " + THINKER + ", answer by " + ANSWERER);
		assertThat(saved.locator(".thinking-by")).hasText("· " + THINKER);
		assertThat(saved.locator(".thinking-label")).hasText(Pattern.compile("Thought for .* · 300 reasoning tokens"));
		saved.locator(".thinking-summary").click();
		assertThat(saved.locator(".thinking-body")).containsText("compare the tenths");
		assertThat(saved.locator(".answer table")).isVisible();
	}

	@Test
	void aRelayWhoseAnswererFailedIsRetriedWithTheSameReasoningWithoutThinkingAgain() {
		upstream.enqueueFor(THINKER, thinker(null));
		upstream.enqueueFor(ANSWERER, Script.outOfCredits(), answerer(ANSWERER, null, "Retried: **9.9**."));
		this.page.navigate("/");
		mode(this.page, "Relay");
		answerWith(this.page, ANSWERER);
		ask(this.page, QUESTION);
		Locator failed = this.page.locator("article.message--assistant").last();
		assertThat(failed.locator(".error-box")).isVisible();
		assertThat(failed.locator(".thinking-by")).hasText("· " + THINKER);

		failed.locator(".action-retry").click();

		Locator retried = this.page.locator("article.message--assistant").last();
		assertThat(retried.locator(".answer strong")).hasText("9.9");
		assertThat(retried.locator(".thinking-by")).hasText("· " + THINKER);
		assertThat(retried.locator(".sibling-count")).hasText("2 / 2");
		assertThat(upstream.requests()).filteredOn((request) -> "POST".equals(request.method()))
			.filteredOn((request) -> THINKER.equals(request.json().get("model").asString()))
			.hasSize(1);
	}

	@Test
	void aCompareStreamsItsColumnsSideBySideAndEachFinishesOnItsOwn() {
		Gate first = new Gate();
		Gate second = new Gate();
		upstream.enqueueFor("model/a", thinksThenAnswers("model/a", "A weighs it.", first, "A says **9.9**."));
		upstream.enqueueFor("model/b", thinksThenAnswers("model/b", "B weighs it.", second, "B says **9.9** too."));
		this.page.navigate("/");
		mode(this.page, "Compare");
		column(this.page, 0, "model/a");
		column(this.page, 1, "model/b");

		ask(this.page, QUESTION);

		Locator columns = this.page.locator(".message--compare .compare-column");
		assertThat(columns).hasCount(2);
		assertThat(columns.nth(0).locator(".thinking-body")).containsText("A weighs it.");
		assertThat(columns.nth(1).locator(".thinking-body")).containsText("B weighs it.");
		assertThat(columns.nth(0).locator(".compare-model")).hasText("model/a");
		assertThat(columns.nth(0).locator(".compare-timer")).hasText(Pattern.compile("\\d+ s"));
		assertThat(this.page.locator(".stop-button")).isVisible();
		second.open();
		assertThat(columns.nth(1).locator(".answer strong")).hasText("9.9");
		assertThat(columns.nth(1)).hasAttribute("data-status", "COMPLETE");
		assertThat(columns.nth(0)).hasAttribute("data-status", "STREAMING");
		first.open();
		assertThat(columns.nth(0)).hasAttribute("data-status", "COMPLETE");
		assertThat(columns.nth(0).locator(".message-meta")).containsText("model/a");
		assertThat(columns.nth(1).locator(".message-meta")).containsText("model/b");
		assertThat(this.page.locator(".send-button")).isVisible();
		// The conversation follows the newest column until the person picks one.
		assertThat(columns.nth(1).locator(".compare-chosen")).hasText("Continues the conversation");
		assertThat(columns.nth(0).locator(".compare-continue")).isVisible();
	}

	@Test
	void aFailingColumnShowsItsErrorWhileTheOthersFinish() {
		Gate answering = new Gate();
		upstream.enqueueFor("model/a", thinksThenAnswers("model/a", "A weighs it.", answering, "A says **9.9**."));
		upstream.enqueueFor("model/c", Script.providerError("Flaky", "boom"));
		this.page.navigate("/");
		mode(this.page, "Compare");
		column(this.page, 0, "model/a");
		column(this.page, 1, "model/c");

		ask(this.page, QUESTION);

		Locator columns = this.page.locator(".message--compare .compare-column");
		assertThat(columns.nth(1).locator(".error-box")).isVisible();
		assertThat(columns.nth(1)).hasAttribute("data-status", "FAILED");
		assertThat(columns.nth(0)).hasAttribute("data-status", "STREAMING");
		answering.open();
		assertThat(columns.nth(0).locator(".answer strong")).hasText("9.9");
		assertThat(columns.nth(0)).hasAttribute("data-status", "COMPLETE");
		this.page.reload();
		assertThat(columns.nth(1).locator(".error-box")).isVisible();
		assertThat(columns.nth(0).locator(".answer strong")).hasText("9.9");
	}

	@Test
	void stoppingACompareStopsEveryColumn() {
		Gate never = new Gate();
		Script a = thinksThenAnswers("model/a", "A weighs it.", never, "never");
		Script b = thinksThenAnswers("model/b", "B weighs it.", never, "never");
		upstream.enqueueFor("model/a", a);
		upstream.enqueueFor("model/b", b);
		this.page.navigate("/");
		mode(this.page, "Compare");
		column(this.page, 0, "model/a");
		column(this.page, 1, "model/b");
		ask(this.page, QUESTION);
		Locator columns = this.page.locator(".message--compare .compare-column");
		assertThat(columns.nth(0).locator(".thinking-body")).containsText("A weighs it.");
		assertThat(columns.nth(1).locator(".thinking-body")).containsText("B weighs it.");

		this.page.locator(".stop-button").click();

		a.awaitDisconnect();
		b.awaitDisconnect();
		assertThat(columns.nth(0)).hasAttribute("data-status", "STOPPED");
		assertThat(columns.nth(1)).hasAttribute("data-status", "STOPPED");
		assertThat(this.page.locator(".send-button")).isVisible();
	}

	@Test
	void continueWithThisSwitchesTheBranchAndSurvivesAReload() {
		upstream.enqueueFor("model/a", thinksThenAnswers("model/a", "A weighs it.", null, "A says **9.9**."));
		upstream.enqueueFor("model/b", thinksThenAnswers("model/b", "B weighs it.", null, "B says **9.9**."));
		this.page.navigate("/");
		mode(this.page, "Compare");
		column(this.page, 0, "model/a");
		column(this.page, 1, "model/b");
		ask(this.page, QUESTION);
		Locator columns = this.page.locator(".message--compare .compare-column");
		assertThat(columns.nth(1).locator(".compare-chosen")).isVisible();
		String first = columns.nth(0).getAttribute("data-message-id");

		columns.nth(0).locator(".compare-continue").click();

		assertThat(columns.nth(0).locator(".compare-chosen")).isFocused();
		assertThat(columns.nth(0)).hasAttribute("data-chosen", "");
		assertThat(columns.nth(1).locator(".compare-continue")).isVisible();
		UUID conversation = UUID.fromString(this.page.locator("main.chat").getAttribute("data-conversation-id"));
		JsonNode followed = conversation(conversation).get("messages").get(1);
		assertThat(followed.get("id").asString()).isEqualTo(first);
		this.page.reload();
		assertThat(columns).hasCount(2);
		assertThat(columns.nth(0).locator(".compare-chosen")).isVisible();
		assertThat(columns.nth(1).locator(".compare-continue")).isVisible();
		assertThat(columns.nth(0).locator(".answer strong")).hasText("9.9");
	}

	@Test
	void eachColumnSaysHowItWasAskedToThinkWhenSentReloadedAndShownFromJson() {
		upstream.enqueueFor("model/a", thinksThenAnswers("model/a", "A weighs it.", null, "A says **9.9**."));
		upstream.enqueueFor("model/b", thinksThenAnswers("model/b", "B weighs it.", null, "B says **9.9**."));
		this.page.navigate("/");
		mode(this.page, "Compare");
		column(this.page, 0, "model/a");
		column(this.page, 1, "model/b");
		this.page.locator(".compare-setup").nth(0).locator("[data-field=effort]").selectOption("low");
		this.page.locator(".compare-setup").nth(1).locator("[data-field=effort]").selectOption("hidden");

		ask(this.page, QUESTION);

		Locator columns = this.page.locator(".message--compare .compare-column");
		Locator how = this.page.locator(".message--compare .compare-how");
		String[] asked = { "reasoning low", "reasoning hidden" };
		assertThat(how).hasText(asked);
		assertThat(columns.nth(0)).hasAttribute("data-status", "COMPLETE");
		assertThat(columns.nth(1)).hasAttribute("data-status", "COMPLETE");
		this.page.reload();
		assertThat(how).hasText(asked);
		// Continuing with another column shows the compare again from the API's JSON.
		columns.nth(0).locator(".compare-continue").click();
		assertThat(columns.nth(0).locator(".compare-chosen")).isFocused();
		assertThat(how).hasText(asked);
	}

	@Test
	void theRelayTemplateIsEditedInSettings() {
		this.page.navigate("/settings");
		Locator template = this.page.locator("#relay-template");
		assertThat(template).hasValue(AppSettings.DEFAULT_RELAY_TEMPLATE);

		template.fill("No placeholder here");
		this.page.locator(".relay-save").click();
		assertThat(this.page.locator(".relay-settings .form-error")).containsText("{reasoning}");
		assertThat(template).hasValue("No placeholder here");
		this.page.locator("#relay").scrollIntoViewIfNeeded();
		shoot(this.page, "relay-settings-error");

		template.fill("Notes from a colleague:\n{reasoning}");
		this.page.locator(".relay-save").click();
		assertThat(this.page.locator(".relay-status")).hasText("Saved.");
		assertThat(this.page.locator(".relay-settings .form-error")).isHidden();
		this.page.reload();
		assertThat(template).hasValue("Notes from a colleague:\n{reasoning}");

		this.page.locator(".relay-reset").click();
		assertThat(template).hasValue(AppSettings.DEFAULT_RELAY_TEMPLATE);
		assertThat(exchange(HttpMethod.GET, "/api/settings/relay", null).body().get("template").asString())
			.isEqualTo(AppSettings.DEFAULT_RELAY_TEMPLATE);
	}

	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("looks")
	void compareAndRelayFitTheScreenRunningAndFinished(String size, int width, int height, ColorScheme scheme) {
		String name = size + "-" + scheme.name().toLowerCase();
		BrowserContext context = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme));
		Page page = context.newPage();
		Gate aloneAnswers = new Gate();
		Gate thinkerThinks = new Gate();
		Gate relayedAnswers = new Gate();
		Gate claudeAnswers = new Gate();
		upstream.enqueueFor(ANSWERER,
				answerer(ANSWERER, aloneAnswers, "**9.11 is bigger**, because 11 is more than 9.\n\nSo 9.11 > 9.9."),
				answerer(ANSWERER, relayedAnswers, ANSWER));
		upstream.enqueueFor(THINKER, thinker(thinkerThinks));
		upstream.enqueueFor("anthropic/claude-sonnet-4",
				thinksThenAnswers("anthropic/claude-sonnet-4", REASONING, claudeAnswers, ANSWER));
		page.navigate("/");
		mode(page, "Relay");
		answerWith(page, ANSWERER);
		mode(page, "Compare");
		page.locator(".compare-preset").click();
		page.locator(".compare-add").click();
		column(page, 2, "anthropic/claude-sonnet-4");
		page.locator(".compare-setup").nth(2).locator("[data-field=effort]").selectOption("high");
		assertFits(page);
		shoot(page, "compare-setup-" + name);

		ask(page, QUESTION);

		Locator columns = page.locator(".message--compare .compare-column");
		assertThat(columns).hasCount(3);
		assertThat(columns.nth(0).locator(".answer")).containsText("9.11 is bigger");
		assertThat(columns.nth(1).locator(".thinking-body")).containsText("compare the tenths");
		assertThat(columns.nth(2).locator(".thinking-body")).containsText("compare the tenths");
		assertFits(page);
		shoot(page, "compare-running-" + name);
		aloneAnswers.open();
		thinkerThinks.open();
		relayedAnswers.open();
		claudeAnswers.open();
		for (int i = 0; i < 3; i++) {
			assertThat(columns.nth(i)).not().hasAttribute("data-status", "STREAMING");
		}
		assertThat(columns.nth(1).locator(".answer table")).isVisible();
		assertFits(page);
		page.locator(".message--compare").scrollIntoViewIfNeeded();
		shoot(page, "compare-finished-" + name);

		Gate thinking = new Gate();
		upstream.enqueueFor(THINKER, thinker(thinking));
		upstream.enqueueFor(ANSWERER, answerer(ANSWERER, null, ANSWER));
		page.locator("a.new-chat").click();
		mode(page, "Relay");
		answerWith(page, ANSWERER);
		ask(page, QUESTION);
		Locator answer = page.locator("article.message--assistant").last();
		assertThat(answer.locator(".thinking-body")).containsText("compare the tenths");
		assertFits(page);
		shoot(page, "relay-thinking-" + name);
		thinking.open();
		assertThat(answer).hasAttribute("data-status", "COMPLETE");
		assertThat(answer.locator(".answer table")).isVisible();
		assertFits(page);
		shoot(page, "relay-answered-" + name);
		context.close();
	}

	// ----- the page -----

	private static void mode(Page page, String mode) {
		page.locator(".compose-mode", new Page.LocatorOptions().setHasText(mode)).click();
		assertThat(page.locator(".compose-mode input[value=" + mode.toLowerCase() + "]")).isChecked();
	}

	private static void answerWith(Page page, String model) {
		page.locator(".model-button").click();
		page.locator(".picker-input").fill(model);
		page.locator(".picker-input").press("Enter");
		assertThat(page.locator("input[name=model]")).hasValue(model);
	}

	/** Column index answers with model, on its own (no relay). */
	private static void column(Page page, int index, String model) {
		Locator setup = page.locator(".compare-setup").nth(index);
		setup.locator("[data-field=model]").fill(model);
		if ("true".equals(setup.locator(".setup-relay").getAttribute("aria-pressed"))) {
			setup.locator(".setup-relay").click();
		}
		assertThat(setup.locator(".setup-relay")).hasAttribute("aria-pressed", "false");
	}

	// ----- the fake upstream's scripts -----

	/**
	 * The thinker reasons (until the gate opens, if there is one), then says it is done.
	 */
	private static Script thinker(Gate gate) {
		FakeGeneration thinker = FakeGeneration.unique().servedBy(THINKER, "DeepInfra");
		Script script = Script.stream().chunk(thinker.role()).chunk(thinker.reasoning(REASONING));
		if (gate != null) {
			script.waitFor(gate);
		}
		return script.chunk(thinker.content("Done."))
			.chunk(thinker.finish("stop"))
			.chunk(thinker.usage(40, 2, 300, 0.0021))
			.done();
	}

	/** A model that answers without reasoning, once the gate opens if there is one. */
	private static Script answerer(String model, Gate gate, String answer) {
		FakeGeneration answerer = FakeGeneration.unique().servedBy(model, "OpenAI");
		Script script = Script.stream().chunk(answerer.role());
		if (gate != null) {
			script.chunk(answerer.content(answer.substring(0, answer.length() / 3))).waitFor(gate);
			answer = answer.substring(answer.length() / 3);
		}
		return script.chunk(answerer.content(answer))
			.chunk(answerer.finish("stop"))
			.chunk(answerer.usage(380, 120, 0, 0.00008))
			.done();
	}

	/** A reasoning model: it thinks, waits at the gate, then answers. */
	private static Script thinksThenAnswers(String model, String reasoning, Gate gate, String answer) {
		FakeGeneration generation = FakeGeneration.unique().servedBy(model, "Fake");
		Script script = Script.stream().chunk(generation.role()).chunk(generation.reasoning(reasoning));
		if (gate != null) {
			script.waitFor(gate);
		}
		return script.chunk(generation.content(answer))
			.chunk(generation.finish("stop"))
			.chunk(generation.usage(30, 90, 420, 0.0012))
			.done();
	}

}
