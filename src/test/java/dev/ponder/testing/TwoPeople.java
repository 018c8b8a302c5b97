package dev.ponder.testing;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people, alice and bob, and the administrator root who adds them, on an application
 * with accounts on: the cast of the tests where one person must not reach another's
 * things. The application starts with {@link #ACCOUNTS}, {@link #ADMINISTRATOR} and
 * {@link #ADMINISTRATOR_PASSWORD} among its properties.
 */
public final class TwoPeople {

	public static final String ROOT_PASSWORD = "root-password-1";

	public static final String PASSWORD = "person-password-1";

	public static final String ACCOUNTS = "ponder.auth=accounts";

	public static final String ADMINISTRATOR = "ponder.admin.username=root";

	public static final String ADMINISTRATOR_PASSWORD = "ponder.admin.password=" + ROOT_PASSWORD;

	private final int port;

	private TwoPeople(int port) {
		this.port = port;
	}

	/**
	 * The cast of the application on {@code port}: alice and bob are added unless an
	 * earlier test of the same application added them.
	 */
	public static TwoPeople on(int port) {
		TwoPeople people = new TwoPeople(port);
		for (String name : List.of("alice", "bob")) {
			Api.Reply made = people.root()
				.post("/api/admin/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
			assertThat(made.status()).as(made.toString()).isIn(201, 409);
		}
		return people;
	}

	public Api root() {
		return Api.basic(this.port, "root", ROOT_PASSWORD);
	}

	public Api alice() {
		return Api.basic(this.port, "alice", PASSWORD);
	}

	public Api bob() {
		return Api.basic(this.port, "bob", PASSWORD);
	}

	/**
	 * A script of alice's, with an API token of its own: its requests are not log-ins, so
	 * many sent at once are not taken for password guessing as Basic ones would be.
	 */
	public Api alicesScript() {
		Api.Reply made = alice().post("/api/tokens", "{\"name\":\"a script\"}");
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		return Api.bearer(this.port, made.body().get("token").asString());
	}

	/**
	 * Another person with an account, made by root unless an earlier test of the same
	 * application made them: their id, and the API as them, by their password.
	 */
	public Someone someone(String name) {
		Api.Reply made = root().post("/api/admin/users",
				"{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(made.status()).as(made.toString()).isIn(201, 409);
		String id = root().get("/api/admin/users")
			.body()
			.valueStream()
			.filter((person) -> person.get("username").asString().equals(name))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		return new Someone(id, Api.basic(this.port, name, PASSWORD));
	}

	/** A person made by {@link #someone}. */
	public record Someone(String id, Api api) {
	}

	/** Someone with no account, as a reader of a share link is. */
	public Api anyone() {
		return Api.anonymous(this.port);
	}

}
