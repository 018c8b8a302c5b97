package dev.ponder.limits;

import org.springframework.test.context.TestPropertySource;

/** Own limits against the defaults on H2, the default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:own-limits-test;DB_CLOSE_DELAY=-1")
class H2OwnAndDefaultLimitsTest extends OwnAndDefaultLimitsContract {

}
