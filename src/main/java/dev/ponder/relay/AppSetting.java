package dev.ponder.relay;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A setting a person changed in the app, by name.
 */
@Entity
@Table(name = "app_setting")
class AppSetting {

	@Id
	private String name;

	// VALUE is a reserved word in H2.
	@Column(name = "setting_value")
	private String value;

	private Instant updatedAt;

	protected AppSetting() {
	}

	AppSetting(String name, String value, Instant now) {
		this.name = name;
		this.value = value;
		this.updatedAt = now;
	}

	String getValue() {
		return this.value;
	}

	void change(String value, Instant now) {
		this.value = value;
		this.updatedAt = now;
	}

}
