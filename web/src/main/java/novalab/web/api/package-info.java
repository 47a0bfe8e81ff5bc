/** The HTTP glue that mounts each sandbox's wire APIs (the engine's {@code novalab.engine.wire} dispatchers) under {@code /sandbox/<id>/...} for the real {@code openstack} and {@code aws} clients. */
package novalab.web.api;
