package novalab.engine.scheduler;

import novalab.engine.scheduler.external.StudentCodeRaised;

/**
 * A filter raised during a filtering pass: the steps up to and including the raising filter (its step
 * lists the hosts it answered before raising, and the host it raised on as "filter raised ..."), and what it raised.
 */
public final class FilterRaised extends RuntimeException {
    private final transient FilterResult partial;
    private final StudentCodeRaised raised;

    public FilterRaised(FilterResult partial, StudentCodeRaised raised) {
        super(raised.getMessage(), null, false, false);
        this.partial = partial;
        this.raised = raised;
    }

    public FilterResult partial() { return partial; }

    public StudentCodeRaised raised() { return raised; }
}
