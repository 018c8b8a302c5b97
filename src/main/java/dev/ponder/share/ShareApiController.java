package dev.ponder.share;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Share links through the API: share a conversation (again), list one's links, revoke
 * one.
 */
@RestController
class ShareApiController {

	private final ShareService shares;

	ShareApiController(ShareService shares) {
		this.shares = shares;
	}

	/**
	 * 201 with a new link, 200 with the same link moved to the conversation as it is now.
	 */
	@PostMapping("/api/conversations/{id}/share")
	ResponseEntity<ShareView> share(@PathVariable UUID id, @RequestBody(required = false) ShareRequest request) {
		ShareService.Shared shared = this.shares.share(id, (request != null) ? request.showCosts() : null);
		return ResponseEntity.status(shared.created() ? HttpStatus.CREATED : HttpStatus.OK).body(shared.link());
	}

	@GetMapping("/api/shares")
	List<ShareView> list() {
		return this.shares.list();
	}

	/** Changes what a link shows ({@code showCosts}); its snapshot stays where it is. */
	@PatchMapping("/api/shares/{token}")
	ShareView change(@PathVariable String token, @RequestBody @Valid ShareChange change) {
		return this.shares.showCosts(token, change.showCosts());
	}

	@DeleteMapping("/api/shares/{token}")
	ResponseEntity<Void> revoke(@PathVariable String token) {
		this.shares.revoke(token);
		return ResponseEntity.noContent().build();
	}

	/** A change to a link: whether readers see the answers' costs. */
	record ShareChange(
			@NotNull(message = "Say whether the link shows costs: showCosts true or false.") Boolean showCosts) {
	}

	/** The body of a share, optional: whether readers see the answers' costs. */
	record ShareRequest(Boolean showCosts) {
	}

}
