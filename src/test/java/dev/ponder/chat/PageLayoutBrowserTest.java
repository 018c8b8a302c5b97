package dev.ponder.chat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page at phone and desktop width, light and dark, mid-stream and finished: nothing
 * spills sideways, the composer stays reachable. Screenshots land in
 * {@code target/screenshots} for a person to look at.
 */
class PageLayoutBrowserTest extends BrowserTestSupport {

	private static final String ANSWER = """
			**9.9 is bigger.** Compare them with the same number of decimals:

			| number | as hundredths |
			| --- | --- |
			| 9.11 | 911 |
			| 9.90 | 990 |

			```java
			System.out.println(Double.compare(9.11, 9.9)); // -1
			```

			In general $a.b_1 > a.b_2$ when $0.b_1 > 0.b_2$.
			""";

	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("looks")
	void pageFitsTheScreenWhileThinkingAndWhenDone(String size, int width, int height, ColorScheme scheme) {
		Gate answering = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("The user asks which number is bigger. "))
			.chunk(Chunks.reasoning("9.11 has more digits, but digits after the point are tenths and hundredths: "
					+ "0.11 is eleven hundredths, 0.9 is ninety hundredths. So 9.9 is bigger."))
			.waitFor(answering)
			.chunk(Chunks.content(ANSWER))
			.chunk(Chunks.finish("stop"))
			.chunk(Chunks.usage(18, 412, 840, 0.00213))
			.done());
		BrowserContext context = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme));
		Page page = context.newPage();
		page.navigate("/");
		String name = size + "-" + scheme.name().toLowerCase();
		shoot(page, "empty-" + name);

		page.locator("textarea[name=content]").fill("Which is bigger: 9.11 or 9.9?");
		page.locator("textarea[name=content]").press("Enter");
		assertThat(page.locator(".thinking-body")).containsText("So 9.9 is bigger.");
		assertFits(page);
		shoot(page, "thinking-" + name);
		answering.open();
		assertThat(page.locator("article.message--assistant .answer table")).isVisible();
		assertThat(page.locator("article.message--assistant .answer .katex").first()).isVisible();
		assertThat(page.locator("article.message--assistant")).hasAttribute("data-status", "COMPLETE");

		assertFits(page);
		assertThat(page.locator("textarea[name=content]")).isInViewport();
		shoot(page, "answered-" + name);
		context.close();
	}

}
