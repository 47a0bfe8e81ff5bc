package novalab.web.lesson;

/** One lesson: its slug (the file name without {@code .md}), its title (the first heading) and its rendered HTML. */
public record Lesson(int number, String slug, String title, String html) {}
