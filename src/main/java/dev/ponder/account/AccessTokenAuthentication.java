package dev.ponder.account;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request's {@code Authorization: Bearer …}: first the token alone, then, once known,
 * the account it belongs to.
 */
final class AccessTokenAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private transient String token;

	private final AccountPrincipal principal;

	private final boolean savesCalls;

	private AccessTokenAuthentication(String token) {
		super(List.of());
		this.token = token;
		this.principal = null;
		this.savesCalls = true;
	}

	private AccessTokenAuthentication(AccountPrincipal principal, boolean savesCalls) {
		super(principal.getAuthorities());
		this.principal = principal;
		this.savesCalls = savesCalls;
		setAuthenticated(true);
	}

	static AccessTokenAuthentication unauthenticated(String token) {
		return new AccessTokenAuthentication(token);
	}

	static AccessTokenAuthentication authenticated(AccountPrincipal principal, boolean savesCalls) {
		return new AccessTokenAuthentication(principal, savesCalls);
	}

	/**
	 * Whether the token saves the calls made with it through the OpenAI-compatible API.
	 */
	boolean savesCalls() {
		return this.savesCalls;
	}

	@Override
	public String getCredentials() {
		return this.token;
	}

	@Override
	public Object getPrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return (this.principal != null) ? this.principal.getUsername() : "";
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		this.token = null;
	}

}
