package dev.ponder.share;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.share.SharedConversationFiles.Turn;
import dev.ponder.testing.Api;
import dev.ponder.testing.SharedUpstream;
import dev.ponder.testing.StandaloneApp;
import dev.ponder.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PONDER_SHARING=off}: this application has sharing off, a second one on the same
 * database has it on, as the same instance would before and after the switch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=none", "ponder.sharing=off", "spring.datasource.url=" + SharingOffTest.DATABASE,
				"openrouter.api-key=sk-or-v1-test-share", "ponder.catalog.refresh-in-background=false" })
class SharingOffTest {

	static final String DATABASE = "jdbc:h2:mem:sharing-switch;DB_CLOSE_DELAY=-1";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		SharedUpstream.register(registry);
	}

	@Test
	void whileSharingIsOffNothingIsSharedAndLinksLeadNowhereUntilItIsOnAgain() {
		try (ConfigurableApplicationContext on = StandaloneApp.start(StandaloneApp.arguments("--server.port=0",
				"--ponder.auth=none", "--spring.datasource.url=" + DATABASE))) {
			Api sharingOn = Api.anonymous(StandaloneApp.port(on));
			Api sharingOff = Api.anonymous(this.port);
			String conversation = sharingOn
				.post("/api/import",
						SharedConversationFiles.conversation("Shearwater switch",
								List.of(new Turn("Q?", "R.", "An answer shared before the switch."))))
				.body()
				.get("conversations")
				.get(0)
				.asString();
			String token = sharingOn.post("/api/conversations/" + conversation + "/share", null)
				.body()
				.get("token")
				.asString();

			assertThat(sharingOff.get("/s/" + token).status()).isEqualTo(404);
			Api.Reply refused = sharingOff.post("/api/conversations/" + conversation + "/share", null);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.body().get("code").asString()).isEqualTo("sharing_off");
			assertThat(refused.body().get("detail").asString()).contains("PONDER_SHARING=off");
			assertThat(sharingOff.get("/c/" + conversation).text()).contains("Shearwater switch")
				.doesNotContain("data-sharing", "Share a read-only link");
			assertThat(sharingOff.get("/api/shares").text()).as("the owner can still see and revoke").contains(token);
			Visitor owner = new Visitor(this.port);
			HttpResponse<String> form = owner.submit("/c/" + conversation, "/c/" + conversation + "/share", Map.of());
			assertThat(Visitor.location(form)).endsWith("/settings#shares");
			assertThat(owner.get("/settings").body()).contains("PONDER_SHARING=off");

			assertThat(sharingOn.get("/s/" + token).text()).contains("An answer shared before the switch.");
		}
	}

}
