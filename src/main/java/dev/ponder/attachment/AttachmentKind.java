package dev.ponder.attachment;

import java.util.Locale;

/** What a file is to the model: how it goes upstream and how the page shows it. */
public enum AttachmentKind {

	/** PNG, JPEG, WebP or GIF: an {@code image_url} part, a thumbnail on the page. */
	IMAGE,

	/** A PDF: OpenRouter's {@code file} part, or its text for other servers. */
	PDF,

	/** Text or code (SVG too): inlined as a fenced block named after the file. */
	TEXT;

	/** The kind as the API names it: {@code image}, {@code pdf}, {@code text}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
