package novalab.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Our stand-in for Javalin's {@code JavalinTest} (javalin-testtools 7.x is not served here): starts
 * {@link WebApp#create} on a free loopback port, hands a browser-like client (cookies kept, redirects not
 * followed) to the test, and stops the app afterwards.
 */
public final class WebTests {
    public interface Body { void run(Javalin app, Client client) throws Exception; }

    private WebTests() {}

    /**
     * Creates accounts in {@code dataDir}'s store before the app starts: {@code role, name, password} triples,
     * e.g. {@code accounts(data, Role.STUDENT, "ada", "correct horse")}.
     */
    public static void accounts(Path dataDir, Object... rolesNamesPasswords) {
        try (novalab.web.db.Database db = novalab.web.db.Database.open(dataDir.resolve("lab.db"))) {
            novalab.web.account.UserDao users = new novalab.web.account.UserDao(db);
            for (int i = 0; i + 2 < rolesNamesPasswords.length; i += 3) {
                users.add((String) rolesNamesPasswords[i + 1], (Role) rolesNamesPasswords[i], (String) rolesNamesPasswords[i + 2]);
            }
        }
    }

    public static void test(Path dataDir, Body body) throws Exception {
        Javalin app = WebApp.create(dataDir, "fake");
        app.start("127.0.0.1", 0);
        try {
            body.run(app, new Client("http://127.0.0.1:" + app.port()));
        } finally {
            app.stop();
        }
    }

    /** A browser: keeps cookies, remembers the CSRF token of the last page it read. */
    public static final class Client {
        private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
        private final String base;
        private final HttpClient http;
        public String csrf = "";

        public Client(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        public HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) csrf = m.group(1);
            return r;
        }

        /** A form POST; the CSRF token is added unless the form gives its own. */
        public HttpResponse<String> post(String path, String... nameValues) throws IOException, InterruptedException {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("csrf", csrf);
            for (int i = 0; i + 1 < nameValues.length; i += 2) form.put(nameValues[i], nameValues[i + 1]);
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A POST as the terminal's script sends it: form fields, the CSRF header, JSON back. */
        public HttpResponse<String> postJson(String path, String... nameValues) throws IOException, InterruptedException {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i + 1 < nameValues.length; i += 2) {
                if (b.length() > 0) b.append('&');
                b.append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
            }
            String body = b.toString();
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * A form POST whose fields may repeat ({@code name, value, name, value, ...} in order), with extra request
         * headers ({@code "Header: value"}); the CSRF field is added first.
         */
        public HttpResponse<String> postMulti(String path, java.util.List<String> headers, String... nameValues) throws IOException, InterruptedException {
            StringBuilder b = new StringBuilder("csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            for (int i = 0; i + 1 < nameValues.length; i += 2) {
                b.append('&').append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
            }
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded");
            for (String h : headers) req.header(h.substring(0, h.indexOf(':')).strip(), h.substring(h.indexOf(':') + 1).strip());
            return http.send(req.POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in and reads the start page (which sets the CSRF token). */
        public void signIn(String name, String password) throws IOException, InterruptedException {
            HttpResponse<String> r = post("/signin", "name", name, "password", password, "next", "/lab");
            if (r.statusCode() != 303) throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
            get("/lab");
        }
    }
}
