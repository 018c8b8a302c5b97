package dev.ponder.account.sso;

import org.springframework.test.context.TestPropertySource;

/** Single sign-on on H2, the default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:sso-test;DB_CLOSE_DELAY=-1")
class H2SingleSignOnTest extends SingleSignOnContract {

}
