package dev.ponder.conversation;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.ponder.format.Sizes;

/**
 * How large an import file may be, through the API and through the plain form alike
 * ({@code PONDER_IMPORT_MAX_SIZE}). The file is read into memory whole, and base64 makes
 * attached files a third larger: 50 MB holds about 37 MB of files.
 *
 * @param maxSize the largest file an import reads; a larger one is refused before it is
 * read whole
 */
@Validated
@ConfigurationProperties("ponder.import")
public record ImportProperties(@NotNull @DefaultValue("50MB") DataSize maxSize) {

	/** The limit as a person reads it, as every size is worded: "50 MB", "1.5 MB". */
	String maxSizeInWords() {
		return Sizes.inWords(this.maxSize.toBytes());
	}

}
