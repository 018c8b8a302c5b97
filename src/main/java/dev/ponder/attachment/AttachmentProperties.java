package dev.ponder.attachment;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.ponder.format.Sizes;

/**
 * How large and how many files a question takes, and where their bytes are kept.
 *
 * @param maxSize the largest file ({@code PONDER_ATTACHMENT_MAX_SIZE})
 * @param maxFiles the most files one question takes ({@code PONDER_ATTACHMENT_MAX_FILES})
 * @param dir a directory to keep the files in, e.g. a Docker volume
 * ({@code PONDER_ATTACHMENT_DIR}); unset, they are kept in the database
 */
@Validated
@ConfigurationProperties("ponder.attachment")
public record AttachmentProperties(@NotNull @DefaultValue("20MB") DataSize maxSize,
		@Min(1) @Max(100) @DefaultValue("10") int maxFiles, Path dir) {

	/** The limit as a person reads it: "20 MB", "100 KB", "1500 bytes". */
	String maxSizeInWords() {
		return Sizes.inWords(this.maxSize.toBytes());
	}

}
