package dev.ponder.catalog;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ponder.PonderApplication;
import dev.ponder.testing.FakeUpstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The last good model list is kept in the database: Ponder restarted while the endpoint
 * is down still lists its models, marked unavailable with the reason. The lists are
 * fetched in the background once the app is up.
 */
class ModelListCacheTest {

	@Test
	void restartWithTheEndpointDownStillListsTheLastGoodModels() {
		String database = "jdbc:h2:mem:cache-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		FakeUpstream openRouter = FakeUpstream.start();
		String baseUrl = openRouter.baseUrl();
		try (ConfigurableApplicationContext first = start(database, baseUrl)) {
			ModelCatalog catalog = first.getBean(ModelCatalog.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !catalog.isStale());
			assertThat(catalog.models(ModelCatalog.ModelFilter.ALL)).hasSize(3);
		}
		finally {
			openRouter.close();
		}

		try (ConfigurableApplicationContext second = start(database, baseUrl)) {
			ModelCatalog catalog = second.getBean(ModelCatalog.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> catalog.endpoints().get(0).checkedAt() != null);

			assertThat(catalog.isStale()).isTrue();
			assertThat(catalog.endpoints().get(0).reachable()).isFalse();
			assertThat(catalog.models(ModelCatalog.ModelFilter.ALL)).hasSize(3).allSatisfy((model) -> {
				assertThat(model.available()).isFalse();
				assertThat(model.unavailableReason()).contains("openrouter is not answering", "Could not reach");
			});
			assertThat(catalog.find("openrouter", "deepseek/deepseek-r1")).get()
				.extracting(CatalogModel::name)
				.isEqualTo("DeepSeek: R1");
		}
	}

	private static ConfigurableApplicationContext start(String database, String baseUrl) {
		// Arguments, not default properties: those would lose to application.yml's base
		// URL.
		return new SpringApplicationBuilder(PonderApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + database, "--openrouter.base-url=" + baseUrl,
					"--openrouter.api-key=sk-or-v1-cache-test", "--ponder.catalog.refresh-in-background=true",
					"--ponder.catalog.fetch-timeout=5s", "--spring.main.banner-mode=off");
	}

}
