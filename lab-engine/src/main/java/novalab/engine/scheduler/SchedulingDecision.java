package novalab.engine.scheduler;

import java.util.List;
import java.util.Optional;

/**
 * What one {@code select_destinations} decided for one instance, kept for the lab's decision view and
 * the scheduler log: every filter's start and end counts and who it removed and why, the weighed
 * survivors, and the host chosen (empty when NoValidHost).
 */
public record SchedulingDecision(String requestId, String instanceUuid, long atMs, String flavorName, String imageName,
                                 Optional<String> availabilityZone, List<String> candidates,
                                 List<FilterStep> filterSteps, List<WeighedHost> weighed,
                                 Optional<String> chosen, List<String> alternates, Optional<String> failure) {
    public SchedulingDecision {
        candidates = List.copyOf(candidates);
        filterSteps = List.copyOf(filterSteps);
        weighed = List.copyOf(weighed);
        alternates = List.copyOf(alternates);
    }
}
