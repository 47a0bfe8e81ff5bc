package novalab.engine.scheduler.external;

import novalab.engine.common.CloudError;

/** A student class named in nova.conf that cannot be loaded (it does not compile, or is not a filter/weigher). */
public final class StudentClassError extends CloudError {
    public StudentClassError(String className, String why) {
        super(500, "StudentClassError", "Could not load " + className + ": " + why);
    }
}
