package dev.ponder.catalog;

import java.math.BigDecimal;

/**
 * The OpenRouter key as {@code GET /api/key} and the header show it: never the key, only
 * its label (OpenRouter's masked form of it), what it has used, its limit and what is
 * left, in US dollars.
 *
 * @param configured whether a key is set
 * @param label OpenRouter's label for the key
 * @param usage credit used
 * @param limit the key's limit, if it has one
 * @param limitRemaining what is left of the limit
 * @param freeTier whether the account has never bought credit
 * @param status {@code ok}, {@code missing_key}, {@code invalid_key},
 * {@code out_of_credits}, or why OpenRouter could not say ({@code unreachable}, …)
 * @param message what to do about a status other than {@code ok}
 */
public record KeyStatus(boolean configured, String label, BigDecimal usage, BigDecimal limit, BigDecimal limitRemaining,
		Boolean freeTier, String status, String message) {

	static final String OK = "ok";

	static KeyStatus failed(boolean configured, String status, String message) {
		return new KeyStatus(configured, null, null, null, null, null, status, message);
	}

}
