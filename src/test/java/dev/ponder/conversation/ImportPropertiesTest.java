package dev.ponder.conversation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import limit is set by the environment variable README names, and reads back in
 * words.
 */
class ImportPropertiesTest {

	@Test
	void ponderImportMaxSizeSetsTheLimit() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("PONDER_IMPORT_MAX_SIZE", "2GB")));
		ConfigurationPropertySources.attach(environment);

		ImportProperties bound = Binder.get(environment).bindOrCreate("ponder.import", ImportProperties.class);

		assertThat(bound.maxSize()).isEqualTo(DataSize.ofGigabytes(2));
		assertThat(new ImportProperties(DataSize.ofMegabytes(50)).maxSizeInWords()).isEqualTo("50 MB");
		assertThat(new ImportProperties(DataSize.ofKilobytes(1536)).maxSizeInWords()).isEqualTo("1.5 MB");
		assertThat(new ImportProperties(DataSize.ofBytes(1000)).maxSizeInWords()).isEqualTo("1000 bytes");
	}

}
