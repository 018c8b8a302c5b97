package dev.ponder.catalog;

import java.time.Instant;

/**
 * One endpoint as {@code GET /api/endpoints} and the settings page show it. Never its
 * key: only whether one is set.
 *
 * @param name the endpoint's name
 * @param baseUrl where it is, without any credentials in the URL
 * @param reachable whether it answered at the last check
 * @param error why the last check failed, or what was wrong with its answer
 * @param models how many models its list holds
 * @param keySet whether a key is configured for it
 * @param checkedAt when it was last asked for its models; {@code null} before the first
 * time
 * @param fetchedAt when the list shown was fetched; {@code null} if there is none
 * @param fresh whether the list shown is from the last check
 */
public record EndpointStatus(String name, String baseUrl, boolean reachable, String error, int models, boolean keySet,
		Instant checkedAt, Instant fetchedAt, boolean fresh) {
}
