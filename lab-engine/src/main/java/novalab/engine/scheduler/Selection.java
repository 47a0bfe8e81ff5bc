package novalab.engine.scheduler;

/** Simulates nova.objects.Selection: a chosen (or alternate) host for one instance. */
public record Selection(String serviceHost, String nodename, String cellName) {}
