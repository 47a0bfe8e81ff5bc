package novalab.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.db.Database;
import novalab.web.db.SettingsDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed sign-ins are limited per client address and per account name, registrations per client address. The tests
 * connect from loopback, as a reverse proxy on the same machine does, so {@code X-Forwarded-For} names the client.
 */
class SignInLimitTest {
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse", Role.STUDENT, "bob", "battery staple", Role.STUDENT, "cy", "cy-password");
    }

    private static HttpResponse<String> signIn(WebTests.Client c, String from, String name, String password) throws Exception {
        return c.postMulti("/signin", from.isEmpty() ? List.of() : List.of("X-Forwarded-For: " + from), "name", name, "password", password, "next", "/lab");
    }

    @Test
    void ten_failed_sign_ins_from_one_address_then_a_429_with_a_sentence_even_for_the_right_password() throws Exception {
        WebTests.test(data, (app, client) -> {
            for (int i = 0; i < 10; i++) {
                assertThat(signIn(client, "", i % 2 == 0 ? "ada" : "nobody" + i, "guess " + i).statusCode()).as("try " + i).isEqualTo(401);
            }
            HttpResponse<String> over = signIn(client, "", "bob", "battery staple");
            assertThat(over.statusCode()).isEqualTo(429);
            assertThat(over.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 3));
            assertThat(over.body()).contains("<p class=\"error\" role=\"alert\">Too many failed sign-ins from your address: wait ",
                    " and try again.</p>", "<form method=\"post\" action=\"/signin\">").doesNotContain("Exception", "at novalab.");
            // a client elsewhere is not held back
            assertThat(signIn(client, "203.0.113.9", "bob", "battery staple").statusCode()).isEqualTo(303);
        });
    }

    @Test
    void ten_failed_sign_ins_for_one_account_from_many_addresses_hold_that_account_back_only() throws Exception {
        WebTests.test(data, (app, client) -> {
            for (int i = 0; i < 10; i++) {
                assertThat(signIn(client, "198.51.100." + i, "ada", "guess " + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> over = signIn(client, "198.51.100.77", "ADA", "correct horse");
            assertThat(over.statusCode()).isEqualTo(429);
            assertThat(over.body()).contains("Too many failed sign-ins for this account: wait ");
            assertThat(signIn(client, "198.51.100.78", "cy", "cy-password").statusCode()).isEqualTo(303);
            // a successful sign-in costs nothing: many in a row are fine
            WebTests.Client bob = new WebTests.Client("http://127.0.0.1:" + app.port());
            for (int i = 0; i < 15; i++) assertThat(signIn(bob, "", "bob", "battery staple").statusCode()).isEqualTo(303);
        });
    }

    @Test
    void a_forwarded_header_with_garbage_falls_back_to_the_socket_address() throws Exception {
        WebTests.test(data, (app, client) -> {
            for (int i = 0; i < 10; i++) assertThat(signIn(client, "<script>" + i, "ada", "guess").statusCode()).isEqualTo(401);
            HttpResponse<String> over = signIn(client, "", "cy", "cy-password");
            assertThat(over.statusCode()).as("the garbage was counted against the loopback address").isEqualTo(429);
        });
    }

    @Test
    void registrations_from_one_address_are_limited_with_a_sentence() throws Exception {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            new SettingsDao(db).put(SettingsDao.SELF_REGISTRATION, "on");
        }
        WebTests.test(data, (app, client) -> {
            int made = 0;
            HttpResponse<String> r = null;
            for (int i = 0; i < 25; i++) {
                r = client.postMulti("/register", List.of("X-Forwarded-For: 192.0.2.1"), "name", "s" + i, "password", "password" + i, "password2", "password" + i);
                if (r.statusCode() == 429) break;
                assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
                made++;
            }
            assertThat(made).isEqualTo(20);
            assertThat(r.body()).contains("<p class=\"error\" role=\"alert\" id=\"register-error\">Too many registrations from your address: wait ")
                    .doesNotContain("Exception");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(client.postMulti("/register", List.of("X-Forwarded-For: 192.0.2.2"), "name", "t1", "password", "password-t1", "password2", "password-t1")
                    .statusCode()).isEqualTo(303);
        });
    }
}
