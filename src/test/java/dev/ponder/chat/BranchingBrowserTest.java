package dev.ponder.chat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Branches in Chromium: regenerating an answer and editing a question each make a new
 * version beside the old one, "‹ 1 / 2 ›" moves between them, and the page shows what
 * each answer cost, with copy buttons on answers, reasoning and code.
 */
class BranchingBrowserTest extends BrowserTestSupport {

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return super.contextOptions().setPermissions(List.of("clipboard-read", "clipboard-write"));
	}

	@Test
	void regeneratingMakesASecondVersionAndTheArrowsGoBackToTheFirst() {
		upstream.enqueue(Script.answer(List.of("First thoughts."), List.of("First answer."), Duration.ZERO));
		this.page.navigate("/");
		ask("Which is bigger: 9.11 or 9.9?");
		assertThat(answer()).hasText("First answer.");
		upstream.takeRequest();
		Gate answering = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Second thoughts."))
			.waitFor(answering)
			.chunk(Chunks.content("Second answer."))
			.chunk(Chunks.finish("stop"))
			.chunk(Chunks.usage(20, 40, 10, 0.0003))
			.done());

		lastAnswer().hover();
		lastAnswer().locator(".action-regenerate").click();
		Locator model = this.page.locator(".regenerate-popover input[name=model]");
		assertThat(model).hasValue("deepseek/deepseek-r1");
		model.fill("openai/o4-mini");
		model.press("Enter");

		assertThat(lastAnswer().locator(".thinking-body")).containsText("Second thoughts.");
		assertThat(lastAnswer().locator(".sibling-count")).hasText("2 / 2");
		assertThat(this.page.locator(".message--assistant")).hasCount(1);
		answering.open();
		assertThat(answer()).hasText("Second answer.");
		assertThat(lastAnswer()).hasAttribute("data-status", "COMPLETE");
		assertThat(upstream.takeRequest().json().path("model").asString()).isEqualTo("openai/o4-mini");
		assertThat(lastAnswer().locator(".sibling-previous")).isEnabled();

		lastAnswer().locator(".sibling-previous").click();

		assertThat(answer()).hasText("First answer.");
		assertThat(lastAnswer().locator(".sibling-count")).hasText("1 / 2");
		assertThat(lastAnswer().locator(".sibling-previous")).isDisabled();
		assertThat(lastAnswer().locator(".sibling-next")).isFocused();
		this.page.reload();
		assertThat(answer()).hasText("First answer.");
		assertThat(lastAnswer().locator(".sibling-count")).hasText("1 / 2");
		lastAnswer().locator(".sibling-next").click();
		assertThat(answer()).hasText("Second answer.");
		assertThat(lastAnswer().locator(".message-meta")).containsText("openai/o4-mini");
	}

	@Test
	void regeneratingOffersTheBudgetTheAnswerWasAskedWithBeforeAndAfterSwitchingVersions() {
		upstream.enqueue(Script.answer(List.of("Budgeted."), List.of("First answer."), Duration.ZERO),
				Script.answer(List.of("Again."), List.of("Second answer."), Duration.ZERO));
		UUID conversation = newConversation();
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Think on a budget\",\"reasoning\":{\"maxTokens\":2048}}"));
		upstream.takeRequest();
		this.page.navigate("/c/" + conversation);
		Locator reasoning = this.page.locator(".regenerate-popover select[name=reasoning]");

		lastAnswer().hover();
		lastAnswer().locator(".action-regenerate").click();

		assertThat(reasoning).hasValue("budget:2048");
		assertThat(reasoning.locator("option:checked")).hasText("Budget of 2,048 tokens");
		reasoning.press("Enter");
		assertThat(answer()).hasText("Second answer.");
		assertThat(upstream.takeRequest().json().path("reasoning").toString()).isEqualTo("{\"max_tokens\":2048}");
		// The first version comes back from the API's JSON, and still says what it was
		// asked.
		lastAnswer().locator(".sibling-previous").click();
		assertThat(answer()).hasText("First answer.");
		lastAnswer().hover();
		lastAnswer().locator(".action-regenerate").click();
		assertThat(reasoning).hasValue("budget:2048");
	}

	@Test
	void editingASentQuestionMakesASiblingQuestionWithItsOwnAnswer() {
		upstream.enqueue(Script.answer(List.of("Hmm."), List.of("Answer to the typo."), Duration.ZERO),
				Script.answer(List.of("Hmm again."), List.of("Answer to the fix."), Duration.ZERO));
		this.page.navigate("/");
		ask("Waht is 2 + 2?");
		assertThat(answer()).hasText("Answer to the typo.");

		Locator question = this.page.locator("article.message--user");
		question.hover();
		question.locator(".action-edit").click();
		Locator editor = question.locator("textarea.edit-input");
		assertThat(editor).hasValue("Waht is 2 + 2?");
		editor.fill("What is 2 + 2?");
		editor.press("Enter");

		assertThat(answer()).hasText("Answer to the fix.");
		assertThat(this.page.locator("article.message--user .user-bubble")).hasText("What is 2 + 2?");
		assertThat(this.page.locator("article.message--user .sibling-count")).hasText("2 / 2");
		this.page.locator("article.message--user .sibling-previous").click();
		assertThat(this.page.locator("article.message--user .user-bubble")).hasText("Waht is 2 + 2?");
		assertThat(answer()).hasText("Answer to the typo.");
		assertThat(this.page.locator("article.message--user .sibling-count")).hasText("1 / 2");
	}

	@Test
	void eachAnswerSaysWhatItCostAndHasCopyButtonsForItselfItsReasoningAndItsCode() {
		upstream.enqueue(Script.answer(List.of("Plan the loop."),
				List.of("Here it is:\n\n```python\nfor i in range(3):\n    print(i)\n```\n"), Duration.ZERO));
		this.page.navigate("/");
		ask("Count to three in Python");
		assertThat(lastAnswer()).hasAttribute("data-status", "COMPLETE");

		assertThat(lastAnswer().locator(".message-meta")).containsText("deepseek/deepseek-r1 · DeepInfra · 12 / ");
		assertThat(this.page.locator(".chat-totals")).containsText("tokens");
		Locator copyCode = lastAnswer().locator(".code-block .code-head .code-copy");
		assertThat(copyCode).hasCount(1);
		copyCode.click();
		assertThat(copyCode).containsText("Copied");
		assertThat(this.page.evaluate("() => navigator.clipboard.readText()"))
			.isEqualTo("for i in range(3):\n    print(i)");

		lastAnswer().locator(".action-copy").click();
		assertThat(this.page.evaluate("() => navigator.clipboard.readText()")).asString()
			.startsWith("Here it is:\n\n```python");
		lastAnswer().locator("details.thinking summary").click();
		lastAnswer().locator(".thinking-copy").click();
		assertThat(this.page.evaluate("() => navigator.clipboard.readText()")).isEqualTo("Plan the loop.");
	}

	private Locator lastAnswer() {
		return this.page.locator("article.message--assistant").last();
	}

	private Locator answer() {
		return lastAnswer().locator(".answer");
	}

	private void ask(String question) {
		this.page.locator("textarea[name=content]").fill(question);
		this.page.locator("textarea[name=content]").press("Enter");
	}

}
