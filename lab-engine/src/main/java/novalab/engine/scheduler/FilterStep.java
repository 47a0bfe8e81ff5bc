package novalab.engine.scheduler;

import java.util.List;

/**
 * One filter's pass over the hosts: how many went in and came out (Nova's
 * {@code 'RamFilter: (start: 4, end: 2)'}), why each removed host was removed (a host may have more than one
 * line), and the hosts that passed.
 */
public record FilterStep(String filter, int start, int end, List<Rejection> rejected, List<HostState> passed) {
    public FilterStep {
        rejected = List.copyOf(rejected);
        passed = List.copyOf(passed);
    }
}
