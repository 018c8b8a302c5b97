package dev.ponder.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the access token of the request being handled says, if it came with one.
 */
public final class CurrentAccessToken {

	private CurrentAccessToken() {
	}

	/**
	 * Whether calls through the OpenAI-compatible API are saved as far as the token goes:
	 * {@code false} only for a token made not to save them.
	 */
	public static boolean savesCalls() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return !(authentication instanceof AccessTokenAuthentication token) || token.savesCalls();
	}

}
