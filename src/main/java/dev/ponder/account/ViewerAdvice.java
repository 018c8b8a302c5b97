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

	private final AccountProperties properties;

	ViewerAdvice(AccountProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("viewer")
	AccountPrincipal viewer() {
		return CurrentOwner.principal().orElse(null);
	}

	/**
	 * Tells "nobody is logged in yet" (the top bar offers nothing but the way in) from
	 * "nobody needs to log in" (the top bar offers everything).
	 */
	@ModelAttribute("accountsOn")
	boolean accountsOn() {
		return this.properties.accountsOn();
	}

}
