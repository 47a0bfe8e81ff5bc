/** nova-compute: per-host ComputeManager and ResourceTracker, the instance model and its lifecycle enums. */
package novalab.engine.compute;
