package dev.ponder.account;

import org.springframework.test.context.TestPropertySource;

/** Accounts on H2, the default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:accounts-test;DB_CLOSE_DELAY=-1")
class H2AccountsTest extends AccountsContract {

}
