package dev.ponder.account.sso;

import java.util.List;

/** Two instances on one H2 database (in memory, in one JVM). */
class H2SingleSignOnAcrossInstancesTest extends SingleSignOnAcrossInstancesContract {

	@Override
	List<String> database() {
		return List.of("--spring.datasource.url=jdbc:h2:mem:sso-two-instances;DB_CLOSE_DELAY=-1");
	}

}
