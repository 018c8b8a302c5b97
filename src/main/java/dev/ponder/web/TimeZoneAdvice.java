package dev.ponder.web;

import java.time.ZoneId;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page the person's time zone ({@link TimeZoneCookieResolver}): the one its
 * times are shown in, and the one the sidebar's day groups are counted in, which the
 * sidebar's script counts in too when it regroups.
 */
@ControllerAdvice(annotations = Controller.class)
class TimeZoneAdvice {

	@ModelAttribute("zone")
	ZoneId zone(ZoneId zone) {
		return zone;
	}

}
