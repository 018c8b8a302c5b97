package dev.ponder.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ponder.testing.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the model picker filters OpenRouter's full catalogue (the 401-model fixture)
 * in Chromium, against a tenth of it in the same run. Figures go to
 * {@code target/benchmarks/picker-filter.txt}; docs/benchmarks.md has a run. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=ModelPickerBenchmark}.
 */
@Tag("benchmark")
class ModelPickerBenchmark extends BrowserTestSupport {

	@Autowired
	ModelCatalog catalog;

	/**
	 * Filtering keystroke by keystroke, timed in the page (filter, style and layout), on
	 * the full catalogue and on a tenth of it in the same run. Filtering is linear, so
	 * the ratio is what is watched: it must stay near or below the tenfold growth of the
	 * list, and a keystroke well within a frame.
	 */
	@Test
	void filteringTheFullCatalogueStaysWithinAFrame() throws Exception {
		JsonNode full = json.readTree(CatalogModelTest.fixture("openrouter-400.json"));
		tools.jackson.databind.node.ObjectNode tenth = json.createObjectNode();
		tenth.putArray("data").addAll(full.get("data").valueStream().limit(40).toList());

		Map<String, Number> small = measureFiltering(json.writeValueAsString(tenth));
		Map<String, Number> large = measureFiltering(json.writeValueAsString(full));

		double ratio = large.get("median").doubleValue() / Math.max(0.05, small.get("median").doubleValue());
		String report = String.format(Locale.ROOT,
				"picker filter, ms per keystroke (median / p95 of %d), first open in ms%n"
						+ "  %3d models: %.2f / %.2f, open %.1f%n  %3d models: %.2f / %.2f, open %.1f%n"
						+ "  ratio of medians: %.1f%n",
				large.get("samples").intValue(), small.get("models").intValue(), small.get("median").doubleValue(),
				small.get("p95").doubleValue(), small.get("open").doubleValue(), large.get("models").intValue(),
				large.get("median").doubleValue(), large.get("p95").doubleValue(), large.get("open").doubleValue(),
				ratio);
		Path out = Paths.get("target", "benchmarks", "picker-filter.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.print(report);
		assertThat(large.get("models").intValue()).isEqualTo(401);
		assertThat(large.get("median").doubleValue()).as("median ms per keystroke, 401 models").isLessThan(16);
		assertThat(ratio).as("400 models against 40").isLessThan(15);
	}

	private Map<String, Number> measureFiltering(String models) {
		upstream.models(models);
		this.catalog.refresh();
		this.page.navigate("/");
		assertThat(this.page.locator(".model-button")).isVisible();
		@SuppressWarnings("unchecked")
		Map<String, Number> result = (Map<String, Number>) this.page.evaluate("""
				() => {
					const button = document.querySelector('.model-button');
					const started = performance.now();
					button.click();
					const list = document.querySelector('.picker-list');
					list.offsetHeight;
					const open = performance.now() - started;
					const input = document.querySelector('.picker-input');
					const text = 'claude sonnet';
					const steps = [];
					for (let i = 1; i <= text.length; i++) steps.push(text.slice(0, i));
					for (let i = text.length - 1; i >= 0; i--) steps.push(text.slice(0, i));
					const samples = [];
					for (let round = 0; round < 6; round++) {
						for (const value of steps) {
							const t0 = performance.now();
							input.value = value;
							input.dispatchEvent(new Event('input', { bubbles: true }));
							list.offsetHeight;
							samples.push(performance.now() - t0);
						}
					}
					samples.sort((a, b) => a - b);
					return { median: samples[samples.length >> 1], p95: samples[Math.floor(samples.length * 0.95)],
						samples: samples.length, open,
				models: document.querySelectorAll('.picker-option:not(.picker-option--typed)').length };
				}
				""");
		return result;
	}

}
