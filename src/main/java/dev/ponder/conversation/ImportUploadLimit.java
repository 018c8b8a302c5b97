package dev.ponder.conversation;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import dev.ponder.web.RequestBodyLimit;

/**
 * How the import form refuses a file larger than the limit allows: the person is sent
 * back to the page, which says why, as {@link ConversationFormController} does for a file
 * it refuses.
 */
class ImportUploadLimit implements RequestBodyLimit.Refusal {

	private final ImportProperties limit;

	private final SessionFlashMapManager flash = new SessionFlashMapManager();

	ImportUploadLimit(ImportProperties limit) {
		this.limit = limit;
	}

	@Override
	public void refuse(HttpServletRequest request, HttpServletResponse response, long length) throws IOException {
		FlashMap refusal = new FlashMap();
		refusal.put("formError", new ImportTooLargeException(this.limit).getMessage());
		refusal.setTargetRequestPath(request.getContextPath() + "/");
		this.flash.saveOutputFlashMap(refusal, request, response);
		response.sendRedirect(request.getContextPath() + "/");
	}

}
