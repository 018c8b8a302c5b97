package dev.ponder.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.TimeZone;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The person's time zone, for everything counted in days (the sidebar's groups, usage by
 * day): the one the browser names in the {@value #COOKIE} cookie (set by
 * {@code time-zone.js}), else the server's. The locale still comes from
 * {@code Accept-Language}, as with Spring Boot's own resolver, which this one replaces.
 * Controllers read the zone as a {@code ZoneId} argument or from
 * {@code LocaleContextHolder}.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
class TimeZoneCookieResolver extends AcceptHeaderLocaleResolver implements LocaleContextResolver {

	static final String COOKIE = "ponder_zone";

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		return new SimpleTimeZoneAwareLocaleContext(resolveLocale(request),
				TimeZone.getTimeZone(zone(request).orElseGet(ZoneId::systemDefault)));
	}

	/** A cookie naming no zone Java knows is ignored, as if it were not there. */
	private static Optional<ZoneId> zone(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		return (cookie != null) ? parse(cookie.getValue()) : Optional.empty();
	}

	private static Optional<ZoneId> parse(String name) {
		try {
			return Optional.of(ZoneId.of(name));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The browser alone sets the zone. */
	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
			LocaleContext localeContext) {
		throw new UnsupportedOperationException("The time zone comes from the browser's " + COOKIE + " cookie");
	}

}
