package dev.ponder.conversation;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large an import file may be, through the API and through the plain form alike
 * ({@code PONDER_IMPORT_MAX_SIZE}).
 *
 * @param maxSize the largest file an import reads; a larger one is refused before it is
 * read whole
 */
@Validated
@ConfigurationProperties("ponder.import")
public record ImportProperties(@NotNull @DefaultValue("50MB") DataSize maxSize) {

	/** The limit as a person reads it: "50 MB", "100 KB", "1500 bytes". */
	String maxSizeInWords() {
		long bytes = this.maxSize.toBytes();
		if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return this.maxSize.toMegabytes() + " MB";
		}
		if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
			return this.maxSize.toKilobytes() + " KB";
		}
		return bytes + " bytes";
	}

}
