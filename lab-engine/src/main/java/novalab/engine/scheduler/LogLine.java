package novalab.engine.scheduler;

/** One scheduler log record without its timestamp, e.g. {@code INFO nova.filters Filter RamFilter returned 0 hosts}. */
public record LogLine(String level, String logger, String message) {}
