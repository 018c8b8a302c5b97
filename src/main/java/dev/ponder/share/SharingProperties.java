package dev.ponder.share;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether people may share read-only links to their conversations:
 * {@code PONDER_SHARING}, {@code on} by default. While it is off, nothing can be shared
 * and existing links answer 404; they work again once it is back on.
 */
@ConfigurationProperties("ponder")
public record SharingProperties(@DefaultValue("on") Sharing sharing) {

	public boolean on() {
		return this.sharing == Sharing.ON;
	}

	/** On or off. */
	public enum Sharing {

		ON, OFF

	}

}
