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

	@ModelAttribute("attachmentLimits")
	AttachmentProperties attachmentLimits() {
		return this.properties;
	}

}
