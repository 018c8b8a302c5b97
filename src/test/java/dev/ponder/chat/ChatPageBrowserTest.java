package dev.ponder.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat page in Chromium, against the fake upstream: what a person sees while a model
 * thinks, answers, is stopped, and after a reload.
 */
class ChatPageBrowserTest extends BrowserTestSupport {

	@Test
	void thinkingPanelIsLiveWhileReasoningArrivesAndFoldsWhenTheAnswerBegins() {
		Gate answering = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Compare the decimals: 0.11 versus 0.90."))
			.waitFor(answering)
			.chunk(Chunks.content("**9.9** is bigger.\n\n```python\nprint(max(9.11, 9.9))\n```\n"))
			.chunk(Chunks.finish("stop"))
			.chunk(Chunks.usage(20, 120, 840, 0.0021))
			.done());
		this.page.navigate("/");

		ask("Which is bigger: 9.11 or 9.9?");

		Locator panel = this.page.locator("article.message--assistant details.thinking");
		assertThat(panel).hasAttribute("open", "");
		assertThat(panel.locator(".thinking-body")).containsText("Compare the decimals: 0.11 versus 0.90.");
		assertThat(panel.locator(".thinking-label")).containsText("Thinking");
		answering.open();
		assertThat(this.page.locator("article.message--assistant .answer strong")).hasText("9.9");
		assertThat(panel).not().hasAttribute("open", "");
		assertThat(panel.locator(".thinking-label")).hasText(Pattern.compile("Thought for .* · 840 reasoning tokens"));
		assertThat(this.page.locator("article.message--assistant .answer pre code.hljs")).isVisible();
		assertThat(this.page).hasURL(Pattern.compile("/c/[0-9a-f-]{36}$"));
		assertThat(this.page.locator(".conversation-link.is-active")).containsText("Which is bigger");
	}

	@Test
	void aReloadShowsTheStoredReasoningFoldedAndOneClickAway() {
		upstream.enqueue(Script.answer(List.of("First I line them up. ", "Then I compare."), List.of("It is *9.9*."),
				Duration.ofMillis(10)));
		this.page.navigate("/");
		ask("Which is bigger?");
		assertThat(this.page.locator("article.message--assistant .answer em")).hasText("9.9");

		this.page.reload();

		Locator panel = this.page.locator("article.message--assistant details.thinking");
		assertThat(panel).not().hasAttribute("open", "");
		assertThat(panel.locator(".thinking-body")).not().isVisible();
		panel.locator("summary").click();
		assertThat(panel.locator(".thinking-body")).isVisible();
		assertThat(panel.locator(".thinking-body")).containsText("First I line them up. Then I compare.");
		assertThat(this.page.locator("article.message--assistant .answer em")).hasText("9.9");
		assertThat(this.page.locator("article.message--user .user-bubble")).hasText("Which is bigger?");
	}

	@Test
	void stopEndsTheAnswerAndKeepsWhatArrived() {
		Gate never = new Gate();
		Script script = Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Long deliberation"))
			.chunk(Chunks.content("A partial answer"))
			.waitFor(never);
		upstream.enqueue(script);
		this.page.navigate("/");
		ask("Take your time");
		assertThat(this.page.locator("article.message--assistant .answer")).containsText("A partial answer");

		this.page.locator(".stop-button").click();

		script.awaitDisconnect();
		assertThat(this.page.locator("article.message--assistant .status-label")).hasText("Stopped");
		assertThat(this.page.locator(".send-button")).isVisible();
		this.page.reload();
		assertThat(this.page.locator("article.message--assistant")).hasAttribute("data-status", "STOPPED");
		assertThat(this.page.locator("article.message--assistant .answer")).containsText("A partial answer");
	}

	@Test
	void closingTheTabMidAnswerLosesNothingAndReopeningAttaches() {
		Gate answering = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Thinking while nobody watches"))
			.waitFor(answering)
			.chunk(Chunks.content("Still here when you come back."))
			.chunk(Chunks.finish("stop"))
			.done());
		this.page.navigate("/");
		ask("Will you wait?");
		assertThat(this.page.locator(".thinking-body")).containsText("Thinking while nobody watches");
		assertThat(this.page).hasURL(Pattern.compile("/c/"));
		String url = this.page.url();
		this.page.close();

		Page reopened = this.page.context().newPage();
		reopened.navigate(url);
		assertThat(reopened.locator("article.message--assistant .thinking-body"))
			.containsText("Thinking while nobody watches");
		answering.open();

		assertThat(reopened.locator("article.message--assistant .answer"))
			.containsText("Still here when you come back.");
		assertThat(reopened.locator("article.message--assistant")).hasAttribute("data-status", "COMPLETE");
	}

	@Test
	void modelOutputIsShownAsTextAndNeverRuns() {
		String reasoning = "Maybe <img src=x onerror=\"window.pwned='reasoning'\"> helps";
		String content = "<script>window.pwned='script'</script> and <img src=x onerror=\"window.pwned='content'\"> "
				+ "and [a link](javascript:window.pwned='link')";
		upstream.enqueue(Script.answer(List.of(reasoning), List.of(content), Duration.ZERO));
		List<String> dialogs = new ArrayList<>();
		this.page.onDialog((dialog) -> dialogs.add(dialog.message()));
		this.page.navigate("/");

		ask("Show me some HTML");

		Locator answer = this.page.locator("article.message--assistant .answer");
		assertThat(answer).containsText("<script>window.pwned='script'</script>");
		assertThat(answer.locator("script, img")).hasCount(0);
		this.page.locator("article.message--assistant details.thinking summary").click();
		assertThat(this.page.locator(".thinking-body")).containsText("<img src=x onerror=");
		this.page.reload();
		assertThat(this.page.locator("article.message--assistant .answer")).containsText("<script>");
		assertThat(this.page.locator("article.message--assistant .answer a[href^='javascript']")).hasCount(0);
		assertThat(this.page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
		assertThat(dialogs).isEmpty();
	}

	@Test
	void anUpstreamErrorIsShownInTheAnswerAndTheQuestionIsKept() {
		upstream.enqueue(Script.outOfCredits());
		this.page.navigate("/");

		ask("Am I broke?");

		assertThat(this.page.locator("article.message--assistant .error-box")).containsText("out of credits");
		this.page.reload();
		assertThat(this.page.locator("article.message--user .user-bubble")).hasText("Am I broke?");
		assertThat(this.page.locator("article.message--assistant .error-box")).containsText("out of credits");
	}

	@Test
	void withoutJavaScriptTheFormStillSendsAndTheSavedPageShowsTheAnswer() {
		upstream.enqueue(Script.answer(List.of("No script needed."), List.of("Plain **forms** work."), Duration.ZERO));
		BrowserContext noScript = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
		Page plain = noScript.newPage();
		plain.navigate("/");

		plain.locator("textarea[name=content]").fill("Does this work without JavaScript?");
		plain.locator(".send-button").click();

		assertThat(plain).hasURL(Pattern.compile("/c/[0-9a-f-]{36}"));
		UUID conversation = UUID.fromString(plain.url().replaceAll(".*/c/([0-9a-f-]{36}).*", "$1"));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> conversation(conversation).get("messages").get(1).get("status").asString(),
					"COMPLETE"::equals);
		plain.reload();
		assertThat(plain.locator("article.message--user")).containsText("Does this work without JavaScript?");
		assertThat(plain.locator("article.message--assistant .answer")).containsText("Plain **forms** work.");
		assertThat(plain.locator("article.message--assistant .thinking-body")).hasText("No script needed.");
		noScript.close();
	}

	@Test
	void anEmptyMessageIsRefusedWithoutJavaScriptAndNothingIsLost() {
		BrowserContext noScript = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
		Page plain = noScript.newPage();
		plain.navigate("/");
		plain.locator("textarea[name=content]").evaluate("(area) => area.removeAttribute('required')");

		plain.locator("textarea[name=content]").fill("   ");
		plain.locator(".send-button").click();

		assertThat(plain.locator(".composer-error")).hasText("The message is empty.");
		assertThat(upstream.requests()).isEmpty();
		noScript.close();
	}

	private void ask(String question) {
		this.page.locator("textarea[name=content]").fill(question);
		this.page.locator("textarea[name=content]").press("Enter");
	}

}
