package dev.ponder.share;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * The page a share link opens, for anyone who holds it, and the owner's forms that work
 * without JavaScript: share from the conversation's menu, revoke from the settings page.
 */
@Controller
class SharePageController {

	private static final String TO_SETTINGS = "redirect:/settings#shares";

	private final ShareService shares;

	SharePageController(ShareService shares) {
		this.shares = shares;
	}

	/**
	 * The snapshot, or a plain 404 page (never the log-in page) for anything else: a
	 * reader cannot tell a revoked link from one that never was, nor learn whether
	 * sharing is off.
	 */
	@GetMapping("/s/{token}")
	ModelAndView shared(@PathVariable String token, HttpServletResponse response) {
		// Links are private by being unguessable, so no search engine may keep them; no
		// cache either, so that a revoked link is gone at once.
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return this.shares.page(token)
			.map((page) -> new ModelAndView("share/page").addObject("shared", page))
			.orElseGet(() -> new ModelAndView("share/missing", HttpStatus.NOT_FOUND));
	}

	/**
	 * The menu's Share form. Its "show costs" box starts ticked as the link is, so that
	 * sharing again keeps what the link shows unless the person changes it; unticked, it
	 * is not sent, hence false.
	 */
	@PostMapping("/c/{id}/share")
	String share(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean showCosts,
			RedirectAttributes redirect) {
		try {
			ShareView link = this.shares.share(id, showCosts).link();
			// Strings only: flash attributes live in the session, stored in the database.
			redirect.addFlashAttribute("sharedUrl", link.url());
			redirect.addFlashAttribute("sharedTitle", link.title());
		}
		catch (ProblemException ex) {
			// Sharing off is said on the settings page, beside the links; anything else
			// (an unknown or someone else's conversation) is the usual error page.
			if (ex.errorCode() != ErrorCode.SHARING_OFF) {
				throw ex;
			}
			redirect.addFlashAttribute("shareError", ex.getMessage());
		}
		return TO_SETTINGS;
	}

	@PostMapping("/settings/shares/{token}/revoke")
	String revoke(@PathVariable String token, RedirectAttributes redirect) {
		this.shares.revoke(token);
		redirect.addFlashAttribute("shareRevoked", true);
		return TO_SETTINGS;
	}

}
