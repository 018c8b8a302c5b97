package dev.ponder.openai;

import org.springframework.test.context.TestPropertySource;

/**
 * Calls through the OpenAI-compatible API between people on H2, the default database: in
 * the share links' application, so that the contracts between people share one context.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shares-test;DB_CLOSE_DELAY=-1")
class H2ApiCallsBetweenPeopleTest extends ApiCallsBetweenPeopleContract {

}
