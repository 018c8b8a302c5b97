package dev.ponder.reader;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reader of an open thinking panel, in Chromium: a long stored reasoning as its
 * paragraphs with an outline, search and the turns of mind; a live one with its words,
 * tokens per second and time; at phone width.
 */
class ReasoningReaderBrowserTest extends BrowserTestSupport {

	private static final Path SHOTS = Paths.get("/tmp/shots/reader");

	private static final String STAIRCASE = ReasoningSamples.read("staircase.txt");

	private static final String ASYNC_BUG = ReasoningSamples.read("async-bug.txt");

	@Test
	void aLongStoredReasoningReadsAsParagraphsWithAnOutlineThatJumps() {
		Locator panel = savedAnswer(this.page, "Staircase outline");

		Locator paragraphs = panel.locator(".reader-para");
		assertThat(paragraphs).hasCount(ReasoningSamples.paragraphs(STAIRCASE).size());
		assertThat(paragraphs.first()).containsText("Okay, so the problem is asking");
		Locator steps = panel.locator(".reader-step");
		assertThat(steps.first()).hasText("Okay, so the problem is asking how many distinct ways there are");
		Locator step = steps.filter(new Locator.FilterOptions().setHasText("So the answer would be 41."));
		step.click();

		Locator target = paragraphs.filter(new Locator.FilterOptions().setHasText("So the answer would be 41."));
		assertThat(target).isFocused();
		assertThat(target).isInViewport();
		assertThat(panel.locator(".reader-text")).not().hasJSProperty("scrollTop", 0);
		assertThat(panel.locator(".reader-words")).hasText(Pattern.compile("^1,7\\d\\d words$"));
	}

	@Test
	void searchHighlightsAndCountsAndStepsThroughTheMatches() {
		Locator panel = savedAnswer(this.page, "Staircase search");
		int recurrences = ReasoningSamples.occurrences(STAIRCASE, "recurrence");
		Locator search = panel.getByLabel("Search the reasoning");
		Locator count = panel.locator(".reader-search .reader-count");

		search.fill("Recurrence");

		assertThat(count).hasText("1 of " + recurrences);
		assertThat(highlighted("reasoning-hit")).isEqualTo(recurrences);
		search.press("Enter");
		assertThat(count).hasText("2 of " + recurrences);
		search.press("Shift+Enter");
		search.press("Shift+Enter");
		assertThat(count).hasText(recurrences + " of " + recurrences);
		panel.getByLabel("Next match").click();
		assertThat(count).hasText("1 of " + recurrences);
		search.fill("no such words here");
		assertThat(count).hasText("No matches");
		search.fill("Narayana");
		assertThat(count).hasText("1 of 2");
		search.press("Escape");
		assertThat(search).hasValue("");
		assertThat(count).hasText("");
		assertThat(highlighted("reasoning-hit")).isZero();
		assertThat(panel).hasAttribute("open", "");
	}

	@Test
	void changesOfMindAreMarkedListedAndOneStepApart() {
		Locator panel = savedAnswer(this.page, "Staircase turns");

		assertThat(panel.locator(".reader-turn-summary")).hasText("12 changes of mind");
		assertThat(panel.locator(".reader-para.has-turn")).hasCount(12);
		assertThat(highlighted("reasoning-turn")).isEqualTo(12);
		panel.getByLabel("Next change of mind").click();
		assertThat(panel.locator(".reader-turns .reader-count")).hasText("1 of 12");
		assertThat(panel.locator(".reader-para:focus")).containsText("Hmm, how should I treat the empty path?");
		panel.getByLabel("Next change of mind").click();
		assertThat(panel.locator(".reader-para:focus")).containsText("Wait, let me list them to check");
		panel.getByLabel("Previous change of mind").click();
		panel.getByLabel("Previous change of mind").click();
		assertThat(panel.locator(".reader-turns .reader-count")).hasText("12 of 12");
		assertThat(panel.locator(".reader-para:focus")).containsText("Actually, one more consideration.");

		panel.locator(".reader-turn-summary").click();
		panel.locator(".reader-turn").filter(new Locator.FilterOptions().setHasText("Oh, I made a mistake")).click();
		assertThat(panel.locator(".reader-para:focus")).containsText("Oh, I made a mistake in the addition");
		assertThat(panel.locator(".reader-para:focus")).isInViewport();
	}

	@Test
	void openingAndClosingAPanelLeavesItsSummaryWhereItWasOnScreen() {
		Locator panel = savedAnswer(this.page, "Staircase summary stays");
		Locator summary = panel.locator("summary");
		summary.click();
		assertThat(panel).not().hasAttribute("open", "");

		double before = top(summary);
		summary.click();
		assertThat(panel.locator(".reader-para").first()).isVisible();
		assertThat(summary).isInViewport();
		assertThat(top(summary)).isCloseTo(before, within(1.0));
		assertThat(panel.getByLabel("Search the reasoning")).isInViewport();

		summary.click();
		assertThat(panel).not().hasAttribute("open", "");
		assertThat(top(summary)).isCloseTo(before, within(1.0));
	}

	@Test
	void aPanelTheStreamOpensItselfIsStillFollowedToTheBottom() {
		BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
		Page page = phone.newPage();
		page.navigate("/");
		Gate rest = new Gate();
		Locator panel = liveAnswer(page, "Async bug followed", rest);
		rest.open();

		assertThat(page.locator("article.message--assistant .answer")).hasText("Await the json.");
		assertThat(panel).not().hasAttribute("open", "");
		assertThat(page.locator(".jump-latest")).isHidden();
		assertThat(page.locator("article.message--assistant .answer")).isInViewport();
		phone.close();
	}

	@Test
	void theListOfChangesOfMindClosesOnAClickOutsideEscAndSteps() {
		Locator panel = savedAnswer(this.page, "Staircase list closes");
		Locator list = panel.locator(".reader-turn-items");
		Locator opener = panel.locator(".reader-turn-summary");

		opener.click();
		assertThat(list).isVisible();
		assertThat(list.locator(".reader-turn").first()).hasText(Pattern.compile("^Hmm, how should I treat"));
		panel.locator(".reader-words").click();
		assertThat(list).isHidden();

		opener.click();
		assertThat(opener).isFocused();
		this.page.keyboard().press("Escape");
		assertThat(list).isHidden();
		assertThat(opener).hasAttribute("aria-expanded", "false");
		assertThat(opener).isFocused();
		assertThat(panel).hasAttribute("open", "");

		opener.click();
		panel.getByLabel("Next change of mind").click();
		assertThat(list).isHidden();
		assertThat(panel.locator(".reader-para:focus")).containsText("Hmm, how should I treat the empty path?");
	}

	@Test
	void theOutlineIsOneTabStopWalkedWithArrowsAndTheTextCanBeScrolledByKeyboard() {
		Locator panel = savedAnswer(this.page, "Staircase keyboard");
		Locator steps = panel.locator(".reader-step");
		Locator text = panel.getByRole(com.microsoft.playwright.options.AriaRole.REGION,
				new Locator.GetByRoleOptions().setName("Reasoning"));

		assertThat(panel.locator(".reader-step[tabindex=\"0\"]")).hasCount(1);
		steps.first().focus();
		this.page.keyboard().press("ArrowDown");
		assertThat(steps.nth(1)).isFocused();
		this.page.keyboard().press("End");
		assertThat(steps.last()).isFocused();
		this.page.keyboard().press("Enter");
		assertThat(panel.locator(".reader-para:focus")).isInViewport();
		assertThat(steps.last()).hasAttribute("tabindex", "0");
		assertThat(panel.locator(".reader-step[tabindex=\"0\"]")).hasCount(1);

		steps.last().focus();
		this.page.keyboard().press("Tab");
		assertThat(text).isFocused();
		this.page.keyboard().press("Home");
		assertThat(text).hasJSProperty("scrollTop", 0);
		this.page.keyboard().press("End");
		assertThat(text).not().hasJSProperty("scrollTop", 0);
		assertThat(panel.locator(".reader-para.has-turn").first()).hasAccessibleDescription("Change of mind");
	}

	@Test
	void searchLeavesTheLiveTailAloneAndFindsItOnceItCloses() {
		// The page first (a first page of the run may ask the upstream for its models).
		this.page.navigate("/");
		Gate closing = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("First I look for the zebra in the field.\n\nThen the tail mentions a zebra"))
			.waitFor(closing)
			.chunk(Chunks.reasoning(" too.\n\n**Wait**, there is no second field."))
			.chunk(Chunks.content("One zebra."))
			.chunk(Chunks.finish("stop"))
			.done());
		ask(this.page, "Zebra in the tail");
		closing.awaitReached();
		Locator panel = this.page.locator("article.message--assistant details.thinking");
		assertThat(panel.locator(".reader-tail")).containsText("the tail mentions a zebra");
		Locator search = panel.getByLabel("Search the reasoning");
		Locator count = panel.locator(".reader-search .reader-count");

		search.fill("zebra");
		assertThat(count).hasText("1 of 1");

		closing.open();
		assertThat(this.page.locator("article.message--assistant .answer")).hasText("One zebra.");
		panel.locator("summary").click();
		assertThat(panel).hasAttribute("open", "");
		panel.getByLabel("Next match").click();
		assertThat(count).hasText("2 of 2");
		panel.locator(".reader-turn-summary").click();
		assertThat(panel.locator(".reader-turn")).hasText("Wait, there is no second field.");
	}

	@Test
	void aConversationOpenedInThePageGetsTheReaderToo() {
		savedAnswer(this.page, "Async bug opened from the sidebar");
		this.page.navigate("/");

		this.page.locator(".conversation-link")
			.filter(new Locator.FilterOptions().setHasText("Async bug opened"))
			.click();
		Locator panel = this.page.locator("article.message--assistant details.thinking");
		panel.locator("summary").click();

		assertThat(panel.locator(".reader-turn-summary")).hasText("11 changes of mind");
		assertThat(panel.locator(".reader-para pre code")).hasCount(3);
		assertThat(panel.locator(".reader-step").first()).hasText(Pattern.compile("^The user says their function"));
	}

	@Test
	void aLiveAnswerShowsItsWordsTokensPerSecondAndTime() {
		Gate halfway = new Gate();
		Locator panel = liveAnswer(this.page, "Async bug live", halfway);

		assertThat(panel.locator(".thinking-label")).hasText(Pattern.compile("^Thinking… \\d+ s$"));
		assertThat(panel.locator(".thinking-stats")).hasText(Pattern.compile("^[\\d,]+ words · ≈ [\\d,]+ tokens/s$"));
		assertThat(panel.locator(".reader-para").first()).containsText("The user says their function returns");
		assertThat(panel.locator(".reader-step").first()).isVisible();

		halfway.open();
		assertThat(panel.locator(".thinking-label")).hasText(Pattern.compile("^Thought for .* reasoning tokens$"));
		assertThat(panel.locator(".thinking-stats")).isHidden();
		panel.locator("summary").click();
		assertThat(panel.locator(".reader-turn-summary")).hasText("11 changes of mind");
		assertThat(panel.locator(".reader-para").last()).containsText("Okay, ready to answer.");
	}

	@Test
	void aFoldedPanelOnlyCountsWordsAndCatchesUpWhenOpened() {
		List<String> paragraphs = ReasoningSamples.paragraphs(STAIRCASE);
		String first = String.join("\n\n", paragraphs.subList(0, 3)) + "\n\n";
		String second = String.join("\n\n", paragraphs.subList(3, 6)) + "\n\n";
		Gate folded = new Gate();
		Gate counted = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning(first))
			.waitFor(folded)
			.chunk(Chunks.reasoning(second))
			.waitFor(counted)
			.chunk(Chunks.content("The answer is 41."))
			.chunk(Chunks.finish("stop"))
			.done());
		this.page.navigate("/");
		ask(this.page, "Staircase while folded");
		Locator panel = this.page.locator("article.message--assistant details.thinking");
		assertThat(panel.locator(".reader-para")).hasCount(3);

		panel.locator(".thinking-summary").click();
		assertThat(panel).not().hasAttribute("open", "");
		folded.open();
		counted.awaitReached();

		int words = (first + second).strip().split("\\s+").length;
		assertThat(panel.locator(".thinking-stats")).containsText(String.format(Locale.ROOT, "%,d words", words));
		assertThat(panel.locator(".reader-para")).hasCount(3);
		panel.locator(".thinking-summary").click();
		assertThat(panel.locator(".reader-para")).hasCount(6);
		assertThat(panel.locator(".reader-para").last()).containsText("Step 3: a(3) = t(2) = 2");
		counted.open();
		assertThat(this.page.locator("article.message--assistant .answer")).hasText("The answer is 41.");
	}

	@Test
	void reasoningWrittenAsHtmlIsShownAsText() {
		String reasoning = "Consider <img src=x onerror=\"window.pwned='reasoning'\"> first.\n\n"
				+ "Wait, <script>window.pwned='script'</script> is <b>not</b> run.";
		upstream.enqueue(Script.answer(List.of(reasoning), List.of("Done."), Duration.ZERO));
		this.page.navigate("/");
		ask(this.page, "HTML in the reasoning reader");
		Locator panel = this.page.locator("article.message--assistant details.thinking");
		assertThat(this.page.locator("article.message--assistant .answer")).hasText("Done.");

		panel.locator("summary").click();

		assertThat(panel.locator(".reader-para").first()).containsText("<img src=x onerror=");
		assertThat(panel.locator(".reader-para").last()).containsText("<script>window.pwned='script'</script>");
		assertThat(panel.locator(".reader-text img, .reader-text script, .reader-text b")).hasCount(0);
		assertThat(panel.locator(".reader-turn-summary")).hasText("1 change of mind");
		assertThat(this.page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
	}

	@Test
	void onAPhoneTheOutlineFoldsBehindStepsAndNothingSpillsSideways() {
		BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
		Page page = phone.newPage();
		Locator panel = savedAnswer(page, "Staircase on a phone");

		assertThat(panel.locator(".reader-outline")).isHidden();
		assertFits(page);
		panel
			.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Steps"))
			.click();
		assertThat(panel.locator(".reader-outline")).isVisible();
		panel.locator(".reader-step").filter(new Locator.FilterOptions().setHasText("Step 7:")).click();
		assertThat(panel.locator(".reader-outline")).isHidden();
		assertThat(panel.locator(".reader-para:focus")).containsText("Step 7: a(7) = t(6) = 9");
		assertFits(page);
		phone.close();
	}

	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("looks")
	void screenshotsOfTheReaderSavedAndLive(String name, int width, int height, ColorScheme scheme) {
		// A phone has a touch screen (pointer: coarse), where the reader's buttons are
		// bigger.
		BrowserContext context = newContext(new Browser.NewContextOptions().setViewportSize(width, height)
			.setColorScheme(scheme)
			.setHasTouch("phone".equals(name)));
		Page page = context.newPage();
		String look = name + "-" + scheme.name().toLowerCase();
		Locator saved = savedAnswer(page, "Staircase looks " + look);
		saved.locator(".reader-turn-summary").click();
		assertFits(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("turns-" + look + ".png")));
		saved.locator(".reader-turn-summary").click();
		page.getByLabel("Search the reasoning").fill("recurrence");
		saved.getByLabel("Next change of mind").click();
		assertFits(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("saved-" + look + ".png")));

		Gate halfway = new Gate();
		Locator live = liveAnswer(page, "Async live looks " + look, halfway);
		assertThat(live.locator(".thinking-stats")).containsText("tokens/s");
		assertFits(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("live-" + look + ".png")));
		halfway.open();
		assertThat(live.locator(".thinking-label")).containsText("Thought for");
		context.close();
	}

	/**
	 * Asks a question answered with the staircase reasoning, reloads, opens the panel.
	 */
	private static Locator savedAnswer(Page page, String question) {
		String reasoning = question.startsWith("Async") ? ASYNC_BUG : STAIRCASE;
		upstream.enqueue(
				Script.answer(ReasoningSamples.chunks(reasoning, 400), List.of("The answer is 41."), Duration.ZERO));
		page.navigate("/");
		ask(page, question);
		assertThat(page.locator("article.message--assistant .answer")).hasText("The answer is 41.");
		page.reload();
		Locator panel = page.locator("article.message--assistant details.thinking");
		// The page's script has taken the panel over (a click before that would open the
		// bare one).
		assertThat(panel.locator(".thinking-stats")).isAttached();
		panel.locator("summary").click();
		assertThat(panel.locator(".reader-para").first()).isVisible();
		return panel;
	}

	/**
	 * Asks a question whose answer streams half the async-bug reasoning, then holds at
	 * gate.
	 */
	private static Locator liveAnswer(Page page, String question, Gate gate) {
		int half = ASYNC_BUG.indexOf("\n\n", ASYNC_BUG.length() / 2);
		Script script = Script.stream().chunk(Chunks.role());
		ReasoningSamples.chunks(ASYNC_BUG.substring(0, half), 200)
			.forEach((part) -> script.chunk(Chunks.reasoning(part)));
		script.waitFor(gate);
		ReasoningSamples.chunks(ASYNC_BUG.substring(half), 200).forEach((part) -> script.chunk(Chunks.reasoning(part)));
		upstream.enqueue(script.chunk(Chunks.content("Await the json."))
			.chunk(Chunks.finish("stop"))
			.chunk(Chunks.usage(20, 1900, 1500, 0.0021))
			.done());
		if (!page.url().endsWith("/")) {
			page.navigate("/");
		}
		ask(page, question);
		gate.awaitReached();
		return page.locator("article.message--assistant details.thinking").last();
	}

	/** Where the top of an element is in the viewport, in CSS pixels. */
	private static double top(Locator locator) {
		return locator.boundingBox().y;
	}

	/** How many ranges the page's CSS highlight of that name holds. */
	private int highlighted(String name) {
		return ((Number) this.page.evaluate("(name) => CSS.highlights.get(name)?.size ?? 0", name)).intValue();
	}

}
