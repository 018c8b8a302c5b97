package dev.ponder.attachment;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An attachment as the API and the pages show it (never its bytes).
 *
 * @param contentType the type its bytes say it is, not its name or the uploader
 * @param kind {@code image}, {@code pdf} or {@code text}
 * @param url where its bytes are served
 * @param thumbnailUrl a small version of an image; {@code null} for other kinds
 */
public record AttachmentView(UUID id, String name, String contentType, long size, String kind, String url,
		String thumbnailUrl) {

	static AttachmentView of(Attachment attachment) {
		String base = "/api/attachments/" + attachment.getId();
		return new AttachmentView(attachment.getId(), attachment.getName(), attachment.getContentType(),
				attachment.getSize(), attachment.getKind().wireName(), base + "/content",
				(attachment.getKind() == AttachmentKind.IMAGE) ? base + "/thumbnail" : null);
	}

	@JsonIgnore
	public boolean isImage() {
		return AttachmentKind.IMAGE.wireName().equals(this.kind);
	}

	@JsonIgnore
	public boolean isPdf() {
		return AttachmentKind.PDF.wireName().equals(this.kind);
	}

}
