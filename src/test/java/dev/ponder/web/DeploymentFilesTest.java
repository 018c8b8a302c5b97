package dev.ponder.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the Docker files without a Docker engine: the compose file
 * parses and wires the services as the README promises, and the image is built the safe
 * way.
 */
class DeploymentFilesTest {

	@Test
	@SuppressWarnings("unchecked")
	void composeRunsPonderOnPostgresWithHealthChecksAndNamedVolumes() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

		assertThat(services).containsOnlyKeys("ponder", "postgres");
		Map<String, Object> ponder = services.get("ponder");
		Map<String, Object> postgres = services.get("postgres");
		assertThat((Map<String, Object>) ponder.get("depends_on")).containsEntry("postgres",
				Map.of("condition", "service_healthy"));
		assertThat(ponder.get("healthcheck").toString()).contains("/actuator/health/readiness");
		assertThat(postgres.get("healthcheck").toString()).contains("pg_isready");
		assertThat((List<String>) ponder.get("ports")).anyMatch((port) -> port.endsWith(":8080"));
		assertThat((Map<String, Object>) ponder.get("environment")).containsKey("SPRING_DATASOURCE_URL");
		assertThat(ponder.get("env_file")).isEqualTo(".env");
		assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("ponder-data", "postgres-data");
		assertThat((List<String>) postgres.get("volumes")).contains("postgres-data:/var/lib/postgresql/data");
		assertThat(Files.readString(Path.of(".env.example"))).contains("OPENROUTER_API_KEY=");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theScaleFileAddsRedisASecondPonderAndAProxyWithHealthChecks() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.scale.yml")));
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

		assertThat(services).containsOnlyKeys("ponder", "ponder-2", "redis", "proxy");
		for (String ponder : List.of("ponder", "ponder-2")) {
			assertThat((Map<String, Object>) services.get(ponder).get("environment")).as(ponder)
				.containsEntry("PONDER_REDIS_URL", "redis://redis:6379");
			assertThat((Map<String, Object>) services.get(ponder).get("depends_on")).as(ponder)
				.containsEntry("redis", Map.of("condition", "service_healthy"));
		}
		assertThat(services.get("ponder-2").get("healthcheck").toString()).contains("/actuator/health/readiness");
		assertThat(services.get("redis").get("healthcheck").toString()).contains("redis-cli", "ping");
		assertThat(services.get("proxy").get("healthcheck").toString()).contains("/actuator/health/readiness");
		assertThat((List<String>) services.get("proxy").get("volumes"))
			.contains("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
		String caddyfile = Files.readString(Path.of("deploy/Caddyfile"));
		assertThat(caddyfile).contains("reverse_proxy ponder:8080 ponder-2:8080",
				"health_uri /actuator/health/readiness", "flush_interval -1");
	}

	@Test
	void imageIsMultiStageLayeredNonRootAndHealthChecked() throws IOException {
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));

		assertThat(dockerfile.lines().filter((line) -> line.startsWith("FROM "))).hasSize(2);
		assertThat(dockerfile).contains("./mvnw", "dependency:go-offline", "extract --layers --launcher", "USER ponder",
				"EXPOSE 8080", "HEALTHCHECK", "/actuator/health/readiness", "MaxRAMPercentage",
				"org.springframework.boot.loader.launch.JarLauncher");
		// The dependencies are fetched in a layer of their own, before the sources are
		// copied, so that a change of code does not download them again. Both lines must be
		// there (an indexOf of a missing line is -1, which is "before" anything).
		assertThat(dockerfile.lines().map(String::strip)).containsSubsequence("COPY mvnw pom.xml ./",
				"RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -ntp dependency:go-offline", "COPY src src");
		assertThat(ignored).contains("target/", "data/", ".git/");
	}

	@Test
	void theH2FilesWriteEveryCommitAtOnceSoThatAKillLosesNoCheckpoint() throws IOException {
		// H2CrashRestartTest kills a real process with this setting; without it, H2 holds
		// commits up to 500 ms and the answer's last checkpoint is lost.
		assertThat(Files.readString(Path.of("Dockerfile"))).contains("jdbc:h2:file:/data/ponder;WRITE_DELAY=0");
		assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
			.contains("jdbc:h2:file:./data/ponder;AUTO_SERVER=FALSE;WRITE_DELAY=0");
	}

}
