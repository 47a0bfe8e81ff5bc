package novalab.web.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.account.UsersCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {
    private static final String BAD = "name,password,role\n"
            + "carol,,student\n"
            + "Bad Name,,\n"
            + "dave,,admin\n"
            + "carol,,\n"
            + "ada,,\n"
            + "erin,short,\n";
    private static final String GOOD = "name,password,role\r\ncarol,,\r\ndave,longpassword1,instructor\r\n\"erin\",,STUDENT\r\n";
    @TempDir Path data;

    @Test
    void a_roster_with_an_error_line_creates_nobody_and_a_good_one_creates_everyone_with_passwords_shown_once() throws Exception {
        ClassFixture f = new ClassFixture(data);
        f.add("ada", Role.STUDENT);
        f.add("grace", Role.INSTRUCTOR);
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            client.get("/instructor/roster");
            HttpResponse<String> bad = client.post("/instructor/roster", "csv", BAD);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("Nobody was added: the roster has 5 problems.")
                    .contains("Line 3: 'Bad Name' is not a valid user name (it must be 1 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter).")
                    .contains("Line 4: the role must be student or instructor (got 'admin').")
                    .contains("Line 5: 'carol' is already on line 2.")
                    .contains("Line 6: there is already a user called 'ada'.")
                    .contains("Line 7: a password has at least 8 characters")
                    .contains("erin,short,"); // the pasted text is kept for fixing
            assertThat(f.names()).containsExactly("ada", "grace");

            HttpResponse<String> header = client.post("/instructor/roster", "csv", "user,pw\nx,y\n");
            assertThat(header.body()).contains("the header has an unknown column 'user'").contains("must be a header with a 'name' column");
            assertThat(client.post("/instructor/roster", "csv", "  ").body()).contains("Choose a roster file or paste its lines");

            HttpResponse<String> good = client.post("/instructor/roster", "csv", GOOD);
            assertThat(good.statusCode()).isEqualTo(200);
            assertThat(good.body()).contains("3 accounts were created.").contains("(as given in the roster)");
            assertThat(f.names()).containsExactly("ada", "carol", "dave", "erin", "grace");
            Matcher pw = Pattern.compile("<tr><td>carol</td><td>student</td><td><code>([A-Za-z0-9]{16})</code></td></tr>").matcher(good.body());
            assertThat(pw.find()).isTrue();
            Matcher link = Pattern.compile("href=\"(/instructor/roster/passwords/[0-9a-f]{32})\"").matcher(good.body());
            assertThat(link.find()).isTrue();
            HttpResponse<String> csv = client.get(link.group(1));
            assertThat(csv.body()).startsWith("name,password\r\n").contains("carol," + pw.group(1) + "\r\n").contains("erin,").doesNotContain("dave");
            assertThat(client.get(link.group(1)).statusCode()).as("the passwords are handed out once").isEqualTo(404);
            assertThat(client.get("/instructor/roster").body()).doesNotContain(pw.group(1));

            WebTests.Client carol = new WebTests.Client("http://127.0.0.1:" + app.port());
            carol.signIn("carol", pw.group(1));
            WebTests.Client dave = new WebTests.Client("http://127.0.0.1:" + app.port());
            dave.signIn("dave", "longpassword1");
            assertThat(dave.get("/instructor").statusCode()).isEqualTo(200);
        });
    }

    @Test
    void a_roster_file_can_be_uploaded_as_a_form_would_send_it() throws Exception {
        ClassFixture f = new ClassFixture(data);
        f.add("grace", Role.INSTRUCTOR);
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            client.get("/instructor/roster");
            String boundary = "----novalab" + System.nanoTime();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + client.csrf + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"roster\"; filename=\"roster.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                    + "name\nfrank\ngwen\n\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csv\"\r\n\r\n\r\n--" + boundary + "--\r\n";
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/instructor/roster"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Cookie", "novalab_session=" + cookie(client, app.port()))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("2 accounts were created.");
            assertThat(f.names()).containsExactly("frank", "grace", "gwen");
        });
    }

    /** The session cookie the test client holds (it keeps cookies in its own CookieManager). */
    private static String cookie(WebTests.Client client, int port) throws Exception {
        java.lang.reflect.Field http = WebTests.Client.class.getDeclaredField("http");
        http.setAccessible(true);
        HttpClient c = (HttpClient) http.get(client);
        java.net.CookieManager m = (java.net.CookieManager) c.cookieHandler().orElseThrow();
        return m.getCookieStore().get(URI.create("http://127.0.0.1:" + port + "/")).stream()
                .filter(x -> x.getName().equals("novalab_session")).findFirst().orElseThrow().getValue();
    }

    @Test
    void lab_users_import_adds_everyone_or_nobody_and_says_which_lines_are_wrong() throws Exception {
        ClassFixture f = new ClassFixture(data);
        f.add("ada", Role.STUDENT);
        Path bad = data.resolve("bad.csv");
        Files.writeString(bad, BAD);
        Path good = data.resolve("good.csv");
        Files.writeString(good, GOOD);
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int refused, done, missing;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            refused = UsersCli.run(new String[] {"import", bad.toString(), "--data", data.toString()});
            missing = UsersCli.run(new String[] {"import", data.resolve("nope.csv").toString(), "--data", data.toString()});
            done = UsersCli.run(new String[] {"import", good.toString(), "--data", data.toString()});
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String stderr = e.toString(StandardCharsets.UTF_8);
        assertThat(refused).isEqualTo(1);
        assertThat(stderr).contains("lab users: " + bad + ": Line 4: the role must be student or instructor (got 'admin').")
                .contains("lab users: nobody was added; fix the lines above and run the import again.")
                .contains("lab users: cannot read " + data.resolve("nope.csv") + " (no such file)").doesNotContain("Exception");
        assertThat(missing).isEqualTo(1);
        assertThat(done).isZero();
        assertThat(o.toString(StandardCharsets.UTF_8)).containsPattern("lab users: added student carol with password [A-Za-z0-9]{16}\n")
                .contains("lab users: added instructor dave\n").contains("lab users: 3 accounts added from " + good + ".");
        assertThat(f.names()).containsExactly("ada", "carol", "dave", "erin");
    }
}
