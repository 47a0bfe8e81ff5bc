package novalab.engine.scheduler.weights;

import novalab.engine.common.CloudError;

/** Simulates nova.exception.ClassNotFound as raised while loading {@code [filter_scheduler] weight_classes}. */
public final class UnknownWeigher extends CloudError {
    public UnknownWeigher(String className) {
        super(404, "ClassNotFound", "Class " + className + " could not be found: no such weigher in "
                + "nova.scheduler.weights (known: " + String.join(", ", Weighers.names()) + ")");
    }
}
