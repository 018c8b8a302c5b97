package dev.ponder.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page who is logged in, for the top bar's account menu; nobody with accounts
 * off.
 */
@ControllerAdvice(annotations = Controller.class)
class ViewerAdvice {

	@ModelAttribute("viewer")
	AccountPrincipal viewer() {
		return CurrentOwner.principal().orElse(null);
	}

}
