package dev.ponder.share;

import org.springframework.test.context.TestPropertySource;

/** Share links between people on H2, the default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shares-test;DB_CLOSE_DELAY=-1")
class H2ShareLinksTest extends ShareLinksContract {

}
