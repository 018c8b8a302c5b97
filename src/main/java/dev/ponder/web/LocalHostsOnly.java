package dev.ponder.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With accounts off, answers only requests addressed to this machine by name (localhost
 * and its addresses) or to a host named in {@code PONDER_ALLOWED_HOSTS}. Without it, any
 * web page could point a name of its own at 127.0.0.1 (DNS rebinding) and read every
 * conversation through the visitor's browser.
 */
class LocalHostsOnly extends OncePerRequestFilter {

	private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1", "0:0:0:0:0:0:0:1");

	private final Set<String> allowed;

	LocalHostsOnly(List<String> allowedHosts) {
		this.allowed = Stream.concat(LOCAL.stream(), allowedHosts.stream())
			.map((host) -> host.strip().toLowerCase(Locale.ROOT))
			.filter((host) -> !host.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String host = request.getServerName().toLowerCase(Locale.ROOT);
		if (this.allowed.contains(host) || host.endsWith(".localhost")) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
		response.getWriter()
			.write("This Ponder runs without accounts (PONDER_AUTH=none), so it answers only to localhost. "
					+ "To reach it as " + host.replaceAll("[^a-z0-9.:\\[\\]-]", "")
					+ ", add that name to PONDER_ALLOWED_HOSTS, or turn accounts on.\n");
	}

}
