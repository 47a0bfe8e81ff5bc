package novalab.engine.scheduler.filters;

import novalab.engine.common.CloudError;

/** Simulates nova.exception.SchedulerHostFilterNotFound. An enabled_filters entry names no filter we have. */
public final class UnknownFilter extends CloudError {
    public UnknownFilter(String filterName) {
        super(404, "SchedulerHostFilterNotFound", "Scheduler Host Filter " + filterName + " could not be found.");
    }
}
