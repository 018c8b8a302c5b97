package dev.ponder.share;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page whether sharing is on, so that the conversation's menu offers it. */
@ControllerAdvice(annotations = Controller.class)
class SharingAdvice {

	private final SharingProperties properties;

	SharingAdvice(SharingProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("sharingOn")
	boolean sharingOn() {
		return this.properties.on();
	}

}
