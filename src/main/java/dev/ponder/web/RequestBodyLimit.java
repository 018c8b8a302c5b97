package dev.ponder.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a post whose body is larger than a limit from its {@code Content-Length},
 * before anything reads it: past the servlet container's upload limit, the first filter
 * that asks for a form field (the CSRF check) would end the request with a bare 413
 * instead of a sentence. Registered before Spring Security for the paths that take files;
 * each says its refusal its own way (problem details, or a page that says why).
 */
public class RequestBodyLimit extends OncePerRequestFilter {

	/** How a path answers a body too large. */
	@FunctionalInterface
	public interface Refusal {

		void refuse(HttpServletRequest request, HttpServletResponse response, long length) throws IOException;

	}

	/**
	 * Room in an upload besides its file: the other fields (the CSRF token) and part
	 * headers.
	 */
	public static final long ROOM_FOR_FIELDS = 64 * 1024;

	private final long largest;

	private final Refusal refusal;

	public RequestBodyLimit(long largest, Refusal refusal) {
		this.largest = largest;
		this.refusal = refusal;
	}

	/** The filter for one path, ahead of Spring Security. */
	public static FilterRegistrationBean<RequestBodyLimit> on(String path, long largest, Refusal refusal) {
		FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
				new RequestBodyLimit(largest, refusal));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		registration.addUrlPatterns(path);
		return registration;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Only posts carry a file.
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length <= this.largest) {
			chain.doFilter(request, response);
			return;
		}
		this.refusal.refuse(request, response, length);
	}

}
