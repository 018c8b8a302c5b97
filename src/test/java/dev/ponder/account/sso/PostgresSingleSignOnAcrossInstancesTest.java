package dev.ponder.account.sso;

import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.ponder.testing.PostgresUnderTest;

/** Two instances on one PostgreSQL schema. */
@ExtendWith(PostgresUnderTest.Required.class)
class PostgresSingleSignOnAcrossInstancesTest extends SingleSignOnAcrossInstancesContract {

	@Override
	List<String> database() {
		return PostgresUnderTest.arguments();
	}

}
