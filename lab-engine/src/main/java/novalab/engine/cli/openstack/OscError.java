package novalab.engine.cli.openstack;

/**
 * An error OSC reports itself (not an API fault): "No Flavor found for x", "No server with a name or
 * ID of 'x' exists.", and the like. Printed as is on stderr, exit status 1.
 */
final class OscError extends RuntimeException {
    OscError(String message) {
        super(message, null, false, false);
    }
}
