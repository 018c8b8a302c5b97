package dev.ponder.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of {@code reasoning_details}: a piece of reasoning text
 * ({@code reasoning.text}), a summary of it ({@code reasoning.summary}) or an encrypted
 * block ({@code reasoning.encrypted}) that must be kept but never shown.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReasoningDetail(String type, String text, String summary, String data, String signature, String id,
		String format, Integer index) {

	public static final String TEXT = "reasoning.text";

	public static final String SUMMARY = "reasoning.summary";

	public static final String ENCRYPTED = "reasoning.encrypted";

	/** The text a person may read from this detail; empty for encrypted blocks. */
	public String readableText() {
		if (TEXT.equals(this.type) && this.text != null) {
			return this.text;
		}
		if (SUMMARY.equals(this.type) && this.summary != null) {
			return this.summary;
		}
		return "";
	}

}
