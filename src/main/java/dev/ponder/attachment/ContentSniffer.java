package dev.ponder.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.springframework.stereotype.Component;

/**
 * Tells what a file is by its bytes (Tika's magic numbers), not by its name or what the
 * browser claimed: a PNG named {@code .txt} is an image, a program named {@code .png} is
 * refused. The name only tells text apart from text (Python from plain text).
 */
@Component
class ContentSniffer {

	private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/webp", "image/gif");

	private static final String PDF = "application/pdf";

	private static final String SVG = "image/svg+xml";

	private static final Set<String> TEXT_APPLICATIONS = Set.of("application/json", "application/xml",
			"application/javascript", "application/x-javascript", "application/ecmascript", "application/x-sh",
			"application/x-shellscript", "application/sql", "application/x-yaml", "application/yaml",
			"application/toml", "application/x-tex", "application/x-latex", "application/rtf",
			"application/x-httpd-php", "application/x-python", "application/x-ruby", "application/x-perl",
			"application/graphql", "application/x-ndjson", "application/ld+json", "application/xhtml+xml",
			"application/x-bat", "application/x-csh", "application/x-powershell", "application/x-sql",
			"application/x-subrip", "application/vnd.dart", "application/x-kotlin", "application/x-scala",
			"application/x-groovy", "application/mbox");

	private final Detector detector = MimeTypes.getDefaultMimeTypes();

	/** What the bytes are, if Ponder takes them; empty for anything else. */
	Optional<SniffedType> sniff(byte[] bytes, String name) {
		MediaType type = detect(bytes, name).getBaseType();
		String contentType = type.toString();
		if (IMAGES.contains(contentType)) {
			return Optional.of(new SniffedType(contentType, AttachmentKind.IMAGE));
		}
		if (PDF.equals(contentType)) {
			return Optional.of(new SniffedType(contentType, AttachmentKind.PDF));
		}
		// Text goes to the model as UTF-8: what does not read as such is not text to it.
		if (hasNul(bytes) || !isUtf8(bytes)) {
			return Optional.empty();
		}
		if (SVG.equals(contentType) || "text".equals(type.getType()) || TEXT_APPLICATIONS.contains(contentType)
				|| contentType.endsWith("+xml") || contentType.endsWith("+json")) {
			return Optional.of(new SniffedType(contentType, AttachmentKind.TEXT));
		}
		// A file the magic numbers do not know (or take for a binary type that is text
		// too), but that reads as text, is text.
		return Optional.of(new SniffedType("text/plain", AttachmentKind.TEXT));
	}

	private MediaType detect(byte[] bytes, String name) {
		Metadata metadata = new Metadata();
		if (name != null) {
			metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
		}
		try (TikaInputStream stream = TikaInputStream.get(bytes)) {
			return this.detector.detect(stream, metadata, new ParseContext());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean hasNul(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
