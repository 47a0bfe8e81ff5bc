package novalab.engine.scheduler;

import novalab.engine.common.CloudError;

/** Simulates nova.exception.NoValidHost: "No valid host was found. %(reason)s". */
public final class NoValidHost extends CloudError {
    public NoValidHost(String reason) {
        super(500, "NoValidHost", "No valid host was found. " + reason);
    }
}
