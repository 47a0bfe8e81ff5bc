package novalab.engine.scheduler;

/**
 * Why one filter removed one host: the text Nova's filter logs, at the level it logs it ({@code DEBUG}, or
 * {@code WARNING} for ComputeFilter's "has not been heard from in a while").
 */
public record Rejection(String host, String reason, String level) {
    public Rejection(String host, String reason) {
        this(host, reason, "DEBUG");
    }
}
