package dev.ponder.conversation;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Refuses an import form whose upload is larger than the limit allows, before anything
 * reads it: past the servlet container's upload limit, the first filter that asks for a
 * form field (the CSRF check) would end the request with a bare 413. The person is sent
 * back to the page, which says why, as {@link ConversationFormController} does for a file
 * it refuses.
 */
class ImportUploadLimit extends OncePerRequestFilter {

	private final ImportProperties limit;

	private final long largestUpload;

	private final SessionFlashMapManager flash = new SessionFlashMapManager();

	ImportUploadLimit(ImportProperties limit, long largestUpload) {
		this.limit = limit;
		this.largestUpload = largestUpload;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Registered for /import alone (ImportConfiguration): only its posts carry a
		// file.
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() <= this.largestUpload) {
			chain.doFilter(request, response);
			return;
		}
		FlashMap refusal = new FlashMap();
		refusal.put("formError", new ImportTooLargeException(this.limit).getMessage());
		refusal.setTargetRequestPath(request.getContextPath() + "/");
		this.flash.saveOutputFlashMap(refusal, request, response);
		response.sendRedirect(request.getContextPath() + "/");
	}

}
