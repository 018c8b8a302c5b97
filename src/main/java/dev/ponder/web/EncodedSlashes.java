package dev.ponder.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Lets {@code %2F} through: model ids hold slashes ({@code deepseek/deepseek-r1}), and
 * OpenAI's clients ask for one model as {@code GET /v1/models/deepseek%2Fdeepseek-r1},
 * which Tomcat and Spring Security refuse by default. The security rules and the
 * controllers both match the request's path as sent, where {@code %2F} stays inside its
 * segment: {@code /api%2Fadmin/users} is no way around a rule on {@code /api/admin/**},
 * since nothing answers it either.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {

	@Bean
	TomcatConnectorCustomizer encodedSlashesTaken() {
		return (connector) -> connector.setEncodedSolidusHandling("decode");
	}

	@Bean
	HttpFirewall firewallTakingEncodedSlashes() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowUrlEncodedSlash(true);
		return firewall;
	}

}
