package novalab.web.checkpoint;

/** A reflection question or a checklist line: a stable id (answers are stored under it) and its text. */
public record Prompt(String id, String text) {}
