package dev.ponder.chat;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads whether running answers are shared through Redis: {@code PONDER_REDIS_URL}
 * (property {@code ponder.redis-url}), or Spring's own {@code SPRING_DATA_REDIS_URL}.
 * Without either, Ponder runs alone and Redis is left alone: no connection, no health
 * check that would fail for a server nobody asked for.
 */
class RedisSettings implements EnvironmentPostProcessor {

	/**
	 * Whether answers are shared through Redis; set here, read by the beans that do it.
	 */
	static final String SHARED = "ponder.shared-answers";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String ponderUrl = environment.getProperty("ponder.redis-url");
		String springUrl = environment.getProperty("spring.data.redis.url");
		Map<String, Object> settings = new HashMap<>();
		if (StringUtils.hasText(ponderUrl)) {
			settings.put("spring.data.redis.url", ponderUrl);
		}
		boolean shared = StringUtils.hasText(ponderUrl) || StringUtils.hasText(springUrl);
		settings.put(SHARED, shared);
		settings.put("management.health.redis.enabled", shared);
		environment.getPropertySources().addFirst(new MapPropertySource("ponderRedis", settings));
	}

}
