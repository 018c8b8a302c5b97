package dev.ponder.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ponder.catalog.ModelCatalog;
import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files in the chat page, in Chromium against the fake upstream: pasted, dropped and
 * picked into the composer, sent with the question, shown in the thread after a reload,
 * opened full size; refused before upload when the chosen model reads no images or a file
 * is too large, with the typed question kept.
 */
class AttachmentsBrowserTest extends BrowserTestSupport {

	/**
	 * Pastes a file into the composer's text box, as a screenshot from the clipboard
	 * comes: a DataTransfer holding a File built in the page.
	 */
	private static final String PASTE = """
			([name, type, base64]) => {
				const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
				const data = new DataTransfer();
				data.items.add(new File([bytes], name, { type }));
				document.querySelector('textarea[name=content]').dispatchEvent(
					new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
			}""";

	/** Drags a file over the composer and holds it there (drop() lets go). */
	private static final String DRAG = """
			([name, type, base64]) => {
				const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
				window.dragged = new DataTransfer();
				window.dragged.items.add(new File([bytes], name, { type }));
				const target = document.querySelector('.composer-input');
				for (const kind of ['dragenter', 'dragover']) {
					target.dispatchEvent(new DragEvent(kind, { dataTransfer: window.dragged, bubbles: true, cancelable: true }));
				}
			}""";

	private static final String DROP = """
			() => document.querySelector('.composer-input').dispatchEvent(
				new DragEvent('drop', { dataTransfer: window.dragged, bubbles: true, cancelable: true }))""";

	/**
	 * A file of size zeros, pasted: made in the page, so that a large one costs nothing
	 * to send there.
	 */
	private static final String PASTE_LARGE = """
			([name, size]) => {
				const data = new DataTransfer();
				data.items.add(new File([new Uint8Array(size)], name, { type: 'application/octet-stream' }));
				document.querySelector('textarea[name=content]').dispatchEvent(
					new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
			}""";

	/**
	 * A model that reads images and files (in the listing of {@link #readingModels()}).
	 */
	private static final String READING_MODEL = "google/gemini-2.5-pro";

	@Autowired
	ModelCatalog catalog;

	@BeforeEach
	void defaultCatalogue() {
		// Other tests in this context may have left another list behind.
		this.catalog.refresh();
	}

	@Test
	void aPastedImageAndADroppedPdfGoWithTheQuestionAndStayAfterAReload() {
		readingModels();
		upstream.enqueue(
				Script.answer(List.of("A sunset and some notes."), List.of("Sales rose at sunset."), Duration.ZERO));
		this.page.navigate("/");
		choose(this.page, READING_MODEL);
		this.page.locator("textarea[name=content]").fill("What do these show?");

		paste(this.page, "sunset.png", "image/png");
		this.page.evaluate(DRAG, file("notes.pdf", "application/pdf"));
		assertThat(this.page.locator(".composer-drop")).isVisible();
		shoot(this.page, "attachments-drop-zone");
		this.page.evaluate(DROP);

		assertThat(this.page.locator(".composer-drop")).isHidden();
		Locator chips = this.page.locator(".file-tray .file-chip[data-state=ready]");
		assertThat(chips).hasCount(2);
		assertThat(chips.nth(0)).hasAttribute("data-kind", "image");
		assertThat(chips.nth(1)).hasAttribute("data-kind", "pdf");
		assertThat(chips.nth(1)).containsText("notes.pdf");
		// The image's preview shows (its blob: URL is allowed by the page's content
		// security policy).
		this.page.waitForFunction("() => document.querySelector('.file-tray .file-chip img')?.complete");
		assertThat(
				(Integer) this.page.evaluate("() => document.querySelector('.file-tray .file-chip img').naturalWidth"))
			.isPositive();
		assertThat(this.page.locator("textarea[name=content]")).hasValue("What do these show?");
		this.page.locator("textarea[name=content]").press("Enter");

		assertThat(this.page.locator("article.message--assistant .answer")).containsText("Sales rose at sunset.");
		assertThat(this.page.locator(".file-tray .file-chip")).hasCount(0);
		assertThreadShowsBoth(this.page);
		JsonNode question = lastMessage(upstream.takeRequest().json());
		List<String> parts = StreamSupport.stream(question.get("content").spliterator(), false)
			.map((part) -> part.get("type").asString())
			.toList();
		assertThat(parts).contains("text", "image_url", "file");
		JsonNode image = part(question, "image_url");
		assertThat(image.get("image_url").get("url").asString()).startsWith("data:image/png;base64,");
		JsonNode pdf = part(question, "file");
		assertThat(pdf.get("file").get("filename").asString()).isEqualTo("notes.pdf");
		assertThat(pdf.get("file").get("file_data").asString()).startsWith("data:application/pdf;base64,");

		this.page.reload();

		assertThreadShowsBoth(this.page);
		this.page.locator("article.message--user .attachment--image .attachment-open").click();
		Locator lightbox = this.page.locator("dialog.lightbox");
		assertThat(lightbox).isVisible();
		assertThat(lightbox.locator(".lightbox-image")).hasAttribute("src", Pattern.compile("/content$"));
		assertThat(lightbox.locator(".lightbox-name")).hasText("sunset.png");
		assertThat(lightbox.locator(".lightbox-download")).hasAttribute("href",
				Pattern.compile("/content\\?download$"));
		assertThat(this.page.evaluate("() => document.querySelector('.lightbox-image').naturalWidth")).isEqualTo(480);
		this.page.keyboard().press("Escape");
		assertThat(lightbox).isHidden();
	}

	@Test
	void anEditedQuestionSendsTheFilesItKeeps() {
		readingModels();
		upstream.enqueue(Script.answer(List.of("Both."), List.of("A picture and notes."), Duration.ZERO));
		upstream.enqueue(Script.answer(List.of("Just one."), List.of("Only the picture now."), Duration.ZERO));
		this.page.navigate("/");
		choose(this.page, READING_MODEL);
		this.page.locator("textarea[name=content]").fill("What are these?");
		paste(this.page, "sunset.png", "image/png");
		paste(this.page, "notes.pdf", "application/pdf");
		assertThat(this.page.locator(".file-chip[data-state=ready]")).hasCount(2);
		this.page.locator("textarea[name=content]").press("Enter");
		assertThat(this.page.locator("article.message--assistant .answer")).containsText("A picture and notes.");
		upstream.takeRequest();

		this.page.locator("article.message--user .action-edit").click();
		Locator kept = this.page.locator(".edit-form .file-chip");
		assertThat(kept).hasCount(2);
		shoot(this.page, "attachments-editing");
		kept.filter(new Locator.FilterOptions().setHasText("notes.pdf")).locator(".file-chip-remove").click();
		this.page.locator(".edit-input").fill("What is this one?");
		this.page.locator(".edit-input").press("Enter");

		assertThat(this.page.locator("article.message--assistant .answer")).containsText("Only the picture now.");
		JsonNode question = lastMessage(upstream.takeRequest().json());
		assertThat(part(question, "image_url").get("image_url").get("url").asString()).startsWith("data:image/png");
		assertThat(question.get("content").findValues("file")).isEmpty();
		this.page.reload();
		Locator files = this.page.locator("article.message--user .attachment");
		assertThat(files).hasCount(1);
		assertThat(files.locator("img")).hasAttribute("alt", "sunset.png");
	}

	@Test
	void aComparedQuestionSendsItsFilesToEveryColumn() {
		readingModels();
		upstream.enqueueFor(READING_MODEL,
				Script.answer(List.of("Left."), List.of("A sunset, says the left."), Duration.ZERO),
				Script.answer(List.of("Right."), List.of("A sunset, says the right."), Duration.ZERO));
		this.page.navigate("/");
		this.page.locator(".compose-mode", new Page.LocatorOptions().setHasText("Compare")).click();
		for (int column = 0; column < 2; column++) {
			Locator setup = this.page.locator(".compare-setup").nth(column);
			setup.locator("[data-field=model]").fill(READING_MODEL);
			if ("true".equals(setup.locator(".setup-relay").getAttribute("aria-pressed"))) {
				setup.locator(".setup-relay").click();
			}
		}
		assertThat(this.page.locator(".attach-button")).isVisible();
		this.page.locator("#composer-files")
			.setInputFiles(new FilePayload("sunset.png", "image/png", bytes("sunset.png")));
		assertThat(this.page.locator(".file-chip[data-state=ready]")).hasCount(1);

		ask(this.page, "What is in the picture?");

		// The columns' requests go at once; which script each one takes is not known.
		Pattern answered = Pattern.compile("A sunset, says the (left|right)\\.");
		assertThat(this.page.locator(".message--compare .compare-column .answer"))
			.hasText(new Pattern[] { answered, answered });
		assertThat(this.page.locator("article.message--user .attachment--image img")).hasAttribute("alt", "sunset.png");
		for (int column = 0; column < 2; column++) {
			JsonNode question = lastMessage(upstream.takeRequest().json());
			assertThat(part(question, "image_url").get("image_url").get("url").asString())
				.startsWith("data:image/png;base64,");
		}
	}

	@Test
	void theServersRefusalIsShownAndTheTextAndFilesStay() {
		readingModels();
		this.page.navigate("/");
		this.page.locator(".compose-mode", new Page.LocatorOptions().setHasText("Compare")).click();
		Locator setup = this.page.locator(".compare-setup").nth(0);
		setup.locator("[data-field=model]").fill("deepseek/deepseek-r1");
		if ("true".equals(setup.locator(".setup-relay").getAttribute("aria-pressed"))) {
			setup.locator(".setup-relay").click();
		}
		paste(this.page, "sunset.png", "image/png");
		assertThat(this.page.locator(".file-chip[data-state=ready]")).hasCount(1);

		ask(this.page, "Which of you can see this?");

		assertThat(this.page.locator(".composer-error")).containsText("deepseek/deepseek-r1 cannot read images.");
		assertThat(this.page.locator("textarea[name=content]")).hasValue("Which of you can see this?");
		assertThat(this.page.locator(".file-chip[data-state=ready]")).hasCount(1);
		assertThat(this.page.locator("article.message")).hasCount(0);
		assertThat(upstream.requests()).noneMatch((request) -> "POST".equals(request.method()));
	}

	@Test
	void aModelThatReadsNoImagesRefusesAPastedImageAndTheTextStays() {
		List<String> uploads = new ArrayList<>();
		this.page.onRequest((request) -> {
			if (request.url().contains("/api/attachments")) {
				uploads.add(request.url());
			}
		});
		this.page.navigate("/");
		assertThat(this.page.locator(".model-button")).containsText("R1");
		this.page.locator("textarea[name=content]").fill("Can you see this one?");

		paste(this.page, "sunset.png", "image/png");

		assertThat(this.page.locator(".composer-error")).hasText("deepseek/deepseek-r1 cannot read images. "
				+ "Models that can: anthropic/claude-sonnet-4.5, openai/gpt-4o-mini.");
		assertThat(this.page.locator("textarea[name=content]")).hasValue("Can you see this one?");
		assertThat(this.page.locator(".file-chip")).hasCount(0);
		assertThat(uploads).isEmpty();
	}

	@Test
	void anImageAttachedForOneModelIsMarkedWhenAModelThatCannotReadItIsChosen() {
		readingModels();
		this.page.navigate("/");
		choose(this.page, READING_MODEL);
		this.page.locator("textarea[name=content]").fill("And now?");
		paste(this.page, "sunset.png", "image/png");
		assertThat(this.page.locator(".file-chip[data-state=ready]")).hasCount(1);

		choose(this.page, "deepseek/deepseek-r1");
		this.page.locator("textarea[name=content]").press("Enter");

		assertThat(this.page.locator(".file-chip.is-unreadable")).hasCount(1);
		assertThat(this.page.locator(".composer-error")).containsText("deepseek/deepseek-r1 cannot read images.");
		shoot(this.page, "attachments-unreadable");
		assertThat(this.page.locator("textarea[name=content]")).hasValue("And now?");
		assertThat(this.page.locator("article.message")).hasCount(0);
	}

	@Test
	void aFileOverTheLimitIsRefusedBeforeUploadAndAnUnsupportedOneByTheServer() {
		this.page.navigate("/");
		this.page.locator("textarea[name=content]").fill("Two files");

		this.page.evaluate(PASTE_LARGE, List.of("holiday.mov", 21 * 1024 * 1024 + 300_000));
		this.page.locator("#composer-files").setInputFiles(new FilePayload("archive.zip", "application/zip", zip()));

		Locator failed = this.page.locator(".file-chip[data-state=failed]");
		assertThat(failed).hasCount(2);
		assertThat(failed.nth(0)).containsText("holiday.mov is 21.3 MB; a file may be up to 20 MB.");
		assertThat(failed.nth(1)).containsText("archive.zip is not an image");
		assertThat(this.page.locator("textarea[name=content]")).hasValue("Two files");
		failed.nth(0).locator(".file-chip-remove").click();
		assertThat(failed).hasCount(1);
	}

	@Test
	void withoutJavaScriptTheFormSendsItsFiles() {
		upstream.enqueue(Script.answer(List.of("Looking."), List.of("Notes received."), Duration.ZERO));
		BrowserContext noScript = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
		Page plain = noScript.newPage();
		plain.navigate("/");
		assertThat(plain.locator("input[type=file][name=files]")).isVisible();
		assertThat(plain.locator(".attach-button")).isHidden();

		plain.locator("textarea[name=content]").fill("Read my notes without a script");
		plain.locator("input[type=file][name=files]")
			.setInputFiles(new FilePayload("notes.pdf", "application/pdf", bytes("notes.pdf")));
		shoot(plain, "attachments-no-script");
		plain.locator(".send-button").click();

		assertThat(plain).hasURL(Pattern.compile("/c/[0-9a-f-]{36}"));
		assertThat(plain.locator("article.message--user .attachment--file[data-kind=pdf]")).containsText("notes.pdf");
		noScript.close();
	}

	/**
	 * The screenshots a person looks at: the composer's chips, the thread, the lightbox.
	 */
	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("looks")
	void looksRightWideAndNarrowLightAndDark(String name, int width, int height, ColorScheme scheme) {
		readingModels();
		upstream.enqueue(Script.answer(List.of("Looking at both."),
				List.of("The picture is a **sunset** over the sea; the notes say sales rose 12 percent."),
				Duration.ZERO));
		BrowserContext context = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme));
		Page look = context.newPage();
		String prefix = "attachments-" + name + "-" + scheme.name().toLowerCase();
		look.navigate("/");
		choose(look, READING_MODEL);
		look.locator("textarea[name=content]").fill("What do the picture and the notes say?");
		paste(look, "sunset.png", "image/png");
		paste(look, "notes.pdf", "application/pdf");
		look.locator("#composer-files").setInputFiles(new FilePayload("archive.zip", "application/zip", zip()));
		assertThat(look.locator(".file-chip[data-state=ready]")).hasCount(2);
		assertThat(look.locator(".file-chip[data-state=failed]")).hasCount(1);
		look.evaluate("() => document.querySelector('.file-chip-thumb img').decode()");
		assertFits(look);
		shoot(look, prefix + "-composer");

		look.locator(".file-chip[data-state=failed] .file-chip-remove").click();
		look.locator("textarea[name=content]").press("Enter");
		assertThat(look.locator("article.message--assistant .answer strong")).hasText("sunset");
		look.reload();
		assertThat(look.locator("article.message--user .attachment")).hasCount(2);
		look.evaluate("() => document.querySelector('.attachment-thumb').decode()");
		assertFits(look);
		shoot(look, prefix + "-thread");

		look.locator(".attachment--image .attachment-open").click();
		assertThat(look.locator("dialog.lightbox")).isVisible();
		look.evaluate("() => document.querySelector('.lightbox-image').decode()");
		shoot(look, prefix + "-lightbox");
		context.close();
	}

	/**
	 * The composer at its fullest in each mode (a budget, two files, the parameters and
	 * presets chips) fits the screen, its chips inside the box; parameters stay in
	 * compare mode, where they apply to every column.
	 */
	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("looks")
	void theComposerFitsInEveryModeWithABudgetAndTwoFiles(String name, int width, int height, ColorScheme scheme) {
		readingModels();
		BrowserContext context = newContext(
				new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(scheme));
		Page look = context.newPage();
		look.navigate("/");
		choose(look, READING_MODEL);
		look.locator("select[name=effort]").selectOption(new SelectOption().setLabel("Budget…"));
		look.locator("textarea[name=content]").fill("Which of the two is warmer?");
		paste(look, "sunset.png", "image/png");
		paste(look, "notes.pdf", "application/pdf");
		assertThat(look.locator(".file-chip[data-state=ready]")).hasCount(2);
		look.evaluate("() => document.querySelector('.file-chip-thumb img').decode()");
		for (String mode : List.of("Single", "Relay", "Compare")) {
			look.locator(".compose-mode", new Page.LocatorOptions().setHasText(mode)).click();
			assertThat(look.locator(".compose-mode input[value=" + mode.toLowerCase() + "]")).isChecked();
			assertThat(look.locator(".chip--parameters")).isVisible();
			assertThat(look.locator(".preset-button")).isVisible();
			assertFits(look);
			assertComposerBarFits(look);
			shoot(look, "composer-" + mode.toLowerCase() + "-" + name + "-" + scheme.name().toLowerCase());
		}
		context.close();
	}

	/**
	 * A listing where one model reads images and PDFs, so that a PDF goes as a file part.
	 */
	private void readingModels() {
		upstream.models(new String(bytes("models.json"), StandardCharsets.UTF_8));
		this.catalog.refresh();
	}

	private static void assertThreadShowsBoth(Page page) {
		Locator question = page.locator("article.message--user");
		assertThat(question.locator(".user-bubble")).hasText("What do these show?");
		Locator thumbnail = question.locator(".attachment--image img.attachment-thumb");
		assertThat(thumbnail).hasAttribute("alt", "sunset.png");
		assertThat(thumbnail).hasAttribute("src", Pattern.compile("/thumbnail$"));
		assertThat(thumbnail).hasJSProperty("complete", true);
		Locator pdf = question.locator(".attachment--file[data-kind=pdf]");
		assertThat(pdf.locator(".attachment-name")).hasText("notes.pdf");
		assertThat(pdf.locator(".attachment-size")).hasText("614 bytes");
		assertThat(pdf.locator("a")).hasAttribute("href", Pattern.compile("/api/attachments/[0-9a-f-]{36}/content$"));
	}

	private static void choose(Page page, String id) {
		page.locator(".model-button").click();
		Locator input = page.locator(".picker-input");
		input.fill(id);
		page.locator(".picker-option:not([hidden])[data-key=\"openrouter " + id + "\"]").first().click();
		assertThat(page.locator("input[name=model]")).hasValue(id);
	}

	private static void paste(Page page, String name, String type) {
		page.evaluate(PASTE, file(name, type));
	}

	private static List<String> file(String name, String type) {
		return List.of(name, type, Base64.getEncoder().encodeToString(bytes(name)));
	}

	private static byte[] bytes(String name) {
		try (InputStream in = AttachmentsBrowserTest.class.getResourceAsStream("/attachments/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The start of a ZIP archive: what a sniffer sees first. */
	private static byte[] zip() {
		byte[] zip = new byte[64];
		zip[0] = 'P';
		zip[1] = 'K';
		zip[2] = 3;
		zip[3] = 4;
		return zip;
	}

	private static JsonNode lastMessage(JsonNode body) {
		JsonNode messages = body.get("messages");
		return messages.get(messages.size() - 1);
	}

	private static JsonNode part(JsonNode message, String type) {
		return StreamSupport.stream(message.get("content").spliterator(), false)
			.filter((part) -> type.equals(part.get("type").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + type + " part in " + message));
	}

}
