package novalab.web.cloud;

import java.util.List;

/**
 * The last {@code select_destinations} of a student's cloud: each filter with the hosts it kept and
 * removed (and why), the weighed survivors best first, and the winner (blank for "No valid host").
 */
public record DecisionView(String requestId, String flavor, String image, String zone, List<Step> steps, List<Weight> weighed,
                           String chosen, String failure) {
    /** One filter: hosts in, hosts out, and each removed host with the reason. */
    public record Step(String filter, int start, int end, List<Removed> removed) {}

    public record Removed(String host, String reason) {}

    /** A surviving host with its final weight and its free RAM at the time. */
    public record Weight(String host, String weight, int freeRamMb) {}

    public boolean noValidHost() { return chosen.isEmpty(); }
}
