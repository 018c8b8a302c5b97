package dev.ponder.attachment;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page the limits on files, so that the composer's script refuses a file
 * before uploading it with the sentence the server would answer.
 */
@ControllerAdvice(annotations = Controller.class)
class AttachmentLimitsAdvice {

	private final AttachmentProperties properties;

	AttachmentLimitsAdvice(AttachmentProperties properties) {
		this.properties = properties;
	}

	/**
	 * The limits alone: the properties also hold where files are kept, no page's
	 * business.
	 */
	@ModelAttribute("attachmentLimits")
	AttachmentLimits attachmentLimits() {
		return new AttachmentLimits(this.properties.maxSize(), this.properties.maxFiles());
	}

}
