package dev.ponder.preset;

import org.springframework.test.context.TestPropertySource;

/** Presets between people on H2, the default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:presets-test;DB_CLOSE_DELAY=-1")
class H2PresetsBetweenPeopleTest extends PresetsBetweenPeopleContract {

}
