package novalab.engine.scheduler.external;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where nova-scheduler finds student classes when it starts: the runner, and the source saved on the
 * controller for a class name ({@code /etc/nova/filters/<Name>.java}, {@code /etc/nova/weighers/<Name>.java}).
 */
public record StudentClasses(ExternalScheduling runner, Function<String, Optional<String>> filterSource,
                             Function<String, Optional<String>> weigherSource) {
    /** The folder on the controller that holds student filters. */
    public static final String FILTERS_DIR = "/etc/nova/filters";
    /** The folder on the controller that holds student weighers. */
    public static final String WEIGHERS_DIR = "/etc/nova/weighers";

    /** No student classes at all. */
    public static final StudentClasses NONE = new StudentClasses(ExternalScheduling.NONE, n -> Optional.empty(), n -> Optional.empty());
}
