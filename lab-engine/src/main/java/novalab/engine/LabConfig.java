package novalab.engine;

/**
 * How to build a {@link Cloud}: edited in the lambda given to {@link Cloud#create}, then frozen.
 */
public final class LabConfig {
    /** Seed of every generated value (UUIDs, MACs, keys, tie-breaks). Default 9 (week 9). */
    public long seed = 9;
    /** {@code libvirt} or {@code fake}; default: libvirt where libvirt0 is installed. */
    public String driver = "";
    /** Scenario resource name under {@code novalab/scenario/}. */
    public String scenario = "nebula-inc.json";
    /** Runs student-written scheduler filters and weighers outside this JVM; default: the one installed, if any. */
    public novalab.engine.scheduler.external.ExternalScheduling externalScheduling =
            novalab.engine.scheduler.external.ExternalScheduling.installed();

    /** The frozen form. */
    public record Frozen(long seed, String driver, String scenario) {}

    Frozen freeze() {
        String d = driver.isBlank() ? novalab.engine.virt.Drivers.defaultKind() : driver;
        return new Frozen(seed, d, scenario);
    }
}
