package novalab.web;

/** A friendly page for a refused or failed request: the status and one sentence, never a stack trace. */
public record ErrorPage(Chrome chrome, int status, String message) {}
