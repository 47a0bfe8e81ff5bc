/** The week's lessons: Markdown from {@code content/week9/lessons} rendered with commonmark, each code block runnable in the terminal beside it. */
package novalab.web.lesson;
