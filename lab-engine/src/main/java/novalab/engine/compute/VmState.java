package novalab.engine.compute;

/** Simulates nova.compute.vm_states: the stable state of an instance, as its API string. */
public enum VmState {
    ACTIVE("active"), BUILDING("building"), PAUSED("paused"), SUSPENDED("suspended"), STOPPED("stopped"),
    RESCUED("rescued"), RESIZED("resized"), SOFT_DELETED("soft-delete"), DELETED("deleted"), ERROR("error"),
    SHELVED("shelved"), SHELVED_OFFLOADED("shelved_offloaded");

    private final String value;

    VmState(String value) { this.value = value; }

    /** The string Nova stores and shows ({@code OS-EXT-STS:vm_state}). */
    public String value() { return value; }

    /** Instances in these states hold no resources on their host (ALLOW_RESOURCE_REMOVAL). */
    public boolean freesResources() { return this == DELETED || this == SHELVED_OFFLOADED; }
}
