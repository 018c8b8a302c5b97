package dev.ponder.limits;

import org.springframework.test.context.TestPropertySource;

/** Spending limits on H2, the default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:limits-test;DB_CLOSE_DELAY=-1")
class H2SpendingLimitsTest extends SpendingLimitsContract {

}
