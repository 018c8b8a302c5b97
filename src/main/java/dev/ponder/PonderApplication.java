package dev.ponder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Ponder: a chatroom for reasoning models that streams, shows and keeps their reasoning.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PonderApplication {

	public static void main(String[] args) {
		SpringApplication.run(PonderApplication.class, args);
	}

}
