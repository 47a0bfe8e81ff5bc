package novalab.engine.scheduler.external;

import novalab.engine.common.CloudError;

/**
 * A student filter or weigher raised (or ran out of time or memory) while scheduling. As in Nova, where an
 * exception in a filter escapes select_destinations, the whole request fails: the conductor puts its
 * instances in ERROR with this message as their fault.
 */
public final class StudentCodeRaised extends CloudError {
    private final String className;
    private final String raised;

    public StudentCodeRaised(String className, String raised) {
        super(500, "StudentCodeRaised", raised);
        this.className = className;
        this.raised = raised;
    }

    public String className() { return className; }

    /** What was raised, e.g. {@code java.lang.ArithmeticException: / by zero (GpuRamFilter.java:6)}. */
    public String raised() { return raised; }
}
