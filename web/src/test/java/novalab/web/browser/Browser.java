package novalab.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium, driven through {@code /usr/bin/chromedriver}, for a whole test class: it
 * signs in, takes screenshots into {@code target/screenshots/} and runs the axe-core accessibility check.
 * When chromium or its driver is missing the test fails (never skips) and says what to install.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1280,900", "--lang=en-US");
    private static String axeSource;

    public final ChromeDriver driver;
    public final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Starts chromium with a fresh profile for the app at {@code base} (such as {@code http://127.0.0.1:PORT}). */
    public static Browser start(String base) throws IOException {
        Path chromium = firstExecutable("NOVALAB_CHROMIUM", "/usr/lib/chromium/chromium", "/usr/bin/chromium")
                .orElseThrow(() -> new AssertionError(missing()));
        Path chromedriver = firstExecutable("NOVALAB_CHROMEDRIVER", "/usr/bin/chromedriver").orElseThrow(() -> new AssertionError(missing()));
        Path profile = Files.createTempDirectory("novalab-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        // downloads land in <profile>/downloads without asking (see downloads())
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", profile.resolve("downloads").toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base, profile);
    }

    private static String missing() {
        return "The browser tests need Debian's headless chromium and its driver: sudo apt-get install -y chromium chromium-driver "
                + "(./lab test and .ci/run install them; NOVALAB_CHROMIUM and NOVALAB_CHROMEDRIVER point elsewhere).";
    }

    private static Optional<Path> firstExecutable(String env, String... candidates) {
        List<String> all = new ArrayList<>();
        Optional.ofNullable(System.getenv(env)).filter(s -> !s.isBlank()).ifPresent(all::add);
        all.addAll(List.of(candidates));
        return all.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** The folder where the browser saves downloaded files. */
    public Path downloads() {
        return profile.resolve("downloads");
    }

    /** Waits until the browser has finished saving {@code name} into {@link #downloads()} and returns its path. */
    public Path downloaded(String name) {
        Path file = downloads().resolve(name);
        waitUntil(d -> Files.isRegularFile(file) && !Files.exists(downloads().resolve(name + ".crdownload")) ? file : null);
        return file;
    }

    /** Opens {@code path} of the app. */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs out (by forgetting the cookies) and signs in through the form; lands on {@code next}. */
    public Browser signIn(String name, String password, String next) {
        driver.manage().deleteAllCookies();
        open("/signin?next=" + next);
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/signin'] button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().equals(base + next) && d.findElements(By.cssSelector("header.top form.signout")).size() == 1);
        return this;
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        // a page that reloads itself (a polling page) may swap an element between finding it and reading it
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a PNG of the viewport as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One keyboard stop: what has the focus ({@code tag#id:name}) and whether a focus indicator is drawn. */
    public record Stop(String what, boolean visible) {}

    /**
     * Presses Tab from the top of the page up to {@code max} times (stopping when the focus leaves the page or comes
     * back round) and reports each stop.
     */
    public List<Stop> tabWalk(int max) {
        // start from the top: a not-tabbable marker as the first thing in the page holds the focus
        js("const m = document.createElement('span'); m.id = 'tab-walk-start'; m.tabIndex = -1;"
                + "document.body.prepend(m); m.focus(); window.scrollTo(0, 0);");
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            List<Object> seen = (List<Object>) js("const e = document.activeElement;"
                    + "if (!e || e === document.body) return null;"
                    + "const s = getComputedStyle(e);"
                    + "return [e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ':' + (e.getAttribute('aria-label') || e.textContent || e.name || '').trim().slice(0, 40),"
                    + " (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'];");
            if (seen == null) break;
            Stop stop = new Stop((String) seen.get(0), (Boolean) seen.get(1));
            if (!stops.isEmpty() && stops.get(0).equals(stop)) break;
            stops.add(stop);
        }
        js("const m = document.getElementById('tab-walk-start'); if (m) m.remove();");
        return stops;
    }

    /** One axe-core finding: rule, impact, help text and the elements it concerns. */
    public record Violation(String rule, String impact, String help, List<String> targets) {
        public boolean serious() {
            return impact.equals("serious") || impact.equals("critical");
        }

        @Override
        public String toString() {
            return impact + " " + rule + ": " + help + " at " + targets;
        }
    }

    /** Runs axe-core (WCAG 2.0/2.1 A and AA rules plus best practices) on the current page. */
    public List<Violation> axe() {
        js(axeSource());
        String report = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                        + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));");
        List<Violation> out = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(report)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode n : v.path("nodes")) targets.add(n.path("target").toString());
                out.add(new Violation(v.path("id").asText(), v.path("impact").asText("minor"), v.path("help").asText(), targets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The serious and critical axe-core findings on the current page (for an assertThat(...).isEmpty()). */
    public List<Violation> seriousViolations() {
        return axe().stream().filter(Violation::serious).toList();
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) throw new AssertionError("axe-core is missing from the test resources (web/src/test/resources/axe/axe.min.js)");
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
