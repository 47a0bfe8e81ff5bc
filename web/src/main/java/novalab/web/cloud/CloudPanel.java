package novalab.web.cloud;

import java.util.List;
import java.util.Optional;

/** The live panel: hosts grouped by cell, and the last scheduling decision if there was one. */
public record CloudPanel(String simTime, List<Cell> cells, Optional<DecisionView> decision) {
    /** The hosts of one cell. */
    public record Cell(String name, List<HostView> hosts) {}

    /** The panel of {@code cloud} now (call it under the student's sandbox lock, as {@code LabSessions.inspect} does). */
    public static CloudPanel of(novalab.engine.Cloud cloud) {
        return CloudViews.panel(cloud);
    }
}
