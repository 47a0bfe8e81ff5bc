package novalab.engine.virt;

/**
 * Simulates nova.compute.power_state: the integer in the API and the word OSC prints.
 * libvirt's states map onto these (RUNNING/BLOCKED → RUNNING, SHUTDOWN/SHUTOFF → SHUTDOWN, ...).
 */
public enum PowerState {
    NOSTATE(0, "NOSTATE"), RUNNING(1, "Running"), PAUSED(3, "Paused"), SHUTDOWN(4, "Shutdown"),
    CRASHED(6, "Crashed"), SUSPENDED(7, "Suspended");

    private final int code;
    private final String display;

    PowerState(int code, String display) {
        this.code = code;
        this.display = display;
    }

    public int code() { return code; }

    /** How OSC prints it in {@code server show}: {@code Running}, {@code Shutdown}, {@code NOSTATE}. */
    public String display() { return display; }
}
