package dev.ponder.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Endpoints are set as the README says: {@code PONDER_ENDPOINTS_<NAME>_BASEURL} and
 * {@code _APIKEY} in the environment, or {@code ponder.endpoints.<name>} in
 * {@code application.yml}; OpenRouter by its own variables.
 */
class EndpointSettingsTest {

	private static final OpenRouterProperties OPENROUTER = new OpenRouterProperties("sk-or-v1-x",
			URI.create("https://openrouter.ai/api/v1"), "http://localhost:8080", "Ponder", Duration.ofSeconds(10),
			Duration.ofSeconds(60), Duration.ofSeconds(120),
			new OpenRouterProperties.Retry(3, Duration.ofSeconds(2), Duration.ofSeconds(60)));

	@Test
	void environmentVariablesNameEndpointsInLowerCase() {
		EndpointsProperties properties = bind(
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("PONDER_ENDPOINTS_OLLAMA_BASEURL", "http://localhost:11434/v1",
								"PONDER_ENDPOINTS_DEEPSEEK_BASEURL", "https://api.deepseek.com",
								"PONDER_ENDPOINTS_DEEPSEEK_APIKEY", "sk-deepseek")));

		List<Endpoint> endpoints = UpstreamClients.endpoints(OPENROUTER, properties);

		assertThat(endpoints).extracting(Endpoint::name).containsExactly("openrouter", "deepseek", "ollama");
		Endpoint deepseek = endpoints.get(1);
		assertThat(deepseek.baseUrl()).isEqualTo(URI.create("https://api.deepseek.com"));
		assertThat(deepseek.apiKey()).isEqualTo("sk-deepseek");
		assertThat(deepseek.attribution()).isNull();
		assertThat(deepseek.keyVariable()).isEqualTo("PONDER_ENDPOINTS_DEEPSEEK_APIKEY");
		Endpoint ollama = endpoints.get(2);
		assertThat(ollama.hasApiKey()).isFalse();
		assertThat(ollama.canSend()).isTrue();
		assertThat(ollama.timeouts().firstByte()).isEqualTo(Duration.ofSeconds(60));
		assertThat(endpoints.get(0).attribution()).isNotNull();
	}

	@Test
	void yamlStyleSettingsBindTooWithTimeoutsOfTheirOwn() {
		EndpointsProperties properties = bind(new MapPropertySource("yaml", Map.of("ponder.endpoints.LlamaCpp.base-url",
				"http://gpu-box:8080/v1", "ponder.endpoints.LlamaCpp.first-byte-timeout", "5m")));

		Endpoint llama = UpstreamClients.endpoints(OPENROUTER, properties).get(1);

		assertThat(llama.name()).isEqualTo("llamacpp");
		assertThat(llama.timeouts().firstByte()).isEqualTo(Duration.ofMinutes(5));
		assertThat(llama.timeouts().idle()).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void openRouterCannotBeConfiguredTwiceAndNamesMustSuitEnvironmentVariables() {
		EndpointsProperties twice = bind(
				new MapPropertySource("yaml", Map.of("ponder.endpoints.openrouter.base-url", "http://elsewhere/v1")));
		EndpointsProperties odd = bind(
				new MapPropertySource("yaml", Map.of("ponder.endpoints[my-box].base-url", "http://box/v1")));

		assertThatThrownBy(() -> UpstreamClients.endpoints(OPENROUTER, twice))
			.hasMessageContaining("OPENROUTER_BASE_URL");
		assertThatThrownBy(() -> UpstreamClients.endpoints(OPENROUTER, odd))
			.hasMessageContaining("only letters and digits");
	}

	@Test
	void endpointsNeverPrintTheirKeys() {
		Endpoint endpoint = new Endpoint("box", URI.create("http://user:pw@box:8080/v1"), "sk-secret",
				new Endpoint.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), null);

		assertThat(endpoint.toString()).doesNotContain("sk-secret").doesNotContain("pw");
		assertThat(endpoint.displayUrl()).isEqualTo("http://box:8080/v1");
	}

	@Test
	void retriesAreSetByTheirEnvironmentVariablesAndHaveDefaults() {
		OpenRouterProperties set = bindOpenRouter(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("OPENROUTER_RETRY_MAX_ATTEMPTS",
						"5", "OPENROUTER_RETRY_FIRST_BACKOFF", "500ms", "OPENROUTER_RETRY_MAX_WAIT", "2m")));
		OpenRouterProperties unset = bindOpenRouter(new MapPropertySource("none", Map.of()));

		assertThat(set.retry())
			.isEqualTo(new OpenRouterProperties.Retry(5, Duration.ofMillis(500), Duration.ofMinutes(2)));
		assertThat(unset.retry())
			.isEqualTo(new OpenRouterProperties.Retry(3, Duration.ofSeconds(2), Duration.ofSeconds(60)));
	}

	private static OpenRouterProperties bindOpenRouter(PropertySource<?> source) {
		return bind("openrouter", OpenRouterProperties.class, source);
	}

	private static EndpointsProperties bind(PropertySource<?> source) {
		return bind("ponder", EndpointsProperties.class, source);
	}

	private static <T> T bind(String prefix, Class<T> type, PropertySource<?> source) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(source);
		return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate(prefix, Bindable.of(type));
	}

}
