package novalab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInTest {
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse");
    }

    @Test
    void a_signed_out_visitor_is_sent_to_the_sign_in_page() throws Exception {
        WebTests.test(data, (app, client) -> {
            HttpResponse<String> r = client.get("/lab");
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).contains("/signin?next=%2Flab");
            assertThat(r.headers().firstValue("Content-Security-Policy")).contains("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:");
            assertThat(client.get("/signin?next=%2Flab").body()).contains("<h1>Sign in</h1>", "value=\"/lab\"");
        });
    }

    @Test
    void a_student_signs_in_and_out() throws Exception {
        WebTests.test(data, (app, client) -> {
            HttpResponse<String> r = client.post("/signin", "name", "ada", "password", "correct horse", "next", "/lessons");
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).contains("/lessons");
            assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Lax");
            client.get("/lab");
            assertThat(client.post("/signout").statusCode()).isEqualTo(303);
            assertThat(client.get("/lab").statusCode()).isEqualTo(303);
        });
    }

    @Test
    void a_wrong_password_gets_the_form_again_with_a_sentence() throws Exception {
        WebTests.test(data, (app, client) -> {
            HttpResponse<String> r = client.post("/signin", "name", "ada", "password", "nope");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("That user name and password do not match an account.", "value=\"ada\"");
        });
    }

    @Test
    void a_post_without_its_csrf_token_gets_a_friendly_page() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            client.csrf = "forged";
            HttpResponse<String> r = client.post("/signout");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("This form has expired").doesNotContain("Exception", "at novalab");
        });
    }

    @Test
    void an_unknown_page_is_a_friendly_404() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            HttpResponse<String> r = client.get("/no/such/page");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("There is no page at /no/such/page.");
        });
    }
}
