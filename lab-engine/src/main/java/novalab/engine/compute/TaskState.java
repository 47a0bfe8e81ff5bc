package novalab.engine.compute;

/** Simulates nova.compute.task_states: the transition in progress (absent when none). */
public enum TaskState {
    SCHEDULING("scheduling"), BLOCK_DEVICE_MAPPING("block_device_mapping"), NETWORKING("networking"),
    SPAWNING("spawning"), REBOOTING("rebooting"), REBOOT_PENDING("reboot_pending"), REBOOT_STARTED("reboot_started"),
    REBOOTING_HARD("rebooting_hard"), REBOOT_PENDING_HARD("reboot_pending_hard"), REBOOT_STARTED_HARD("reboot_started_hard"),
    POWERING_OFF("powering-off"), POWERING_ON("powering-on"), DELETING("deleting"), SHELVING("shelving"),
    SHELVING_IMAGE_PENDING_UPLOAD("shelving_image_pending_upload"), SHELVING_IMAGE_UPLOADING("shelving_image_uploading"),
    SHELVING_OFFLOADING("shelving_offloading"), UNSHELVING("unshelving"),
    RESIZE_PREP("resize_prep"), RESIZE_MIGRATING("resize_migrating"), RESIZE_MIGRATED("resize_migrated"),
    RESIZE_FINISH("resize_finish"), RESIZE_REVERTING("resize_reverting");

    private final String value;

    TaskState(String value) { this.value = value; }

    public String value() { return value; }
}
