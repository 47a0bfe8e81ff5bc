package novalab.web.browser;

import java.util.List;

/**
 * The main pages every browser check visits (axe-core, screenshots, keyboard): add a line here for each
 * new page, with the role that sees it and an element that shows it has loaded.
 */
public final class Pages {
    /** A page: its screenshot name, its path, who opens it ({@code "student"}, the instructor {@code "teacher"}, or {@code ""} = signed out) and a CSS selector present once it is drawn. */
    public record Page(String name, String path, String who, String ready) {}

    private Pages() {}

    public static final List<Page> MAIN = List.of(
            new Page("signin", "/signin", "", "form[action='/signin']"),
            new Page("lessons", "/lessons", "student", "main h1"),
            new Page("lesson-cookbook", "/lessons/05-operations-cookbook", "student", "[data-terminal]"),
            new Page("terminal", "/lab", "student", "[data-terminal]"),
            new Page("cloud", "/cloud", "student", "#cloud-panel svg"),
            new Page("cloud-credentials", "/cloud/credentials", "student", "main h1"),
            new Page("exercises", "/exercises", "student", "main h1"),
            new Page("exercise", "/exercises/01-the-menu", "student", "[data-terminal]"),
            new Page("drills", "/drills", "student", "main h1"),
            new Page("drill", "/drills/keypair-to-aws", "student", "main form"),
            new Page("quizzes", "/quizzes", "student", "main h1"),
            new Page("progress", "/progress", "student", "main h1"),
            new Page("lesson-scheduling", "/lessons/03-scheduling", "student", ".checkpoint"),
            new Page("instructor-dashboard", "/instructor", "teacher", "main h1"),
            new Page("instructor-roster", "/instructor/roster", "teacher", "main h1"),
            new Page("instructor-reflections", "/instructor/reflections", "teacher", "main h1"),
            new Page("instructor-quizzes", "/instructor/quizzes", "teacher", "main h1"),
            new Page("playground", "/playground", "student", "main h1"),
            new Page("cloud-server", "/cloud/servers/web1", "student", "main h1"),
            new Page("exercise-filters", "/exercises/05-filters", "student", "#cloud-panel svg"),
            new Page("cloud-exercise", "/cloud?sandbox=05-filters", "student", "#cloud-panel svg"),
            new Page("not-found", "/lessons/no-such-lesson", "student", "main"));
}
