package novalab.engine.api;

import java.util.Optional;
import novalab.engine.compute.TaskState;
import novalab.engine.compute.VmState;

/** Simulates nova.api.openstack.common.status_from_state: the API status of (vm_state, task_state). */
public final class ServerStatus {
    private ServerStatus() {}

    public static String of(VmState vm, Optional<TaskState> task, boolean deleted) {
        if (deleted) return "DELETED";
        String t = task.map(TaskState::value).orElse("");
        return switch (vm) {
            case ACTIVE -> switch (t) {
                case "rebooting", "reboot_pending", "reboot_started" -> "REBOOT";
                case "rebooting_hard", "reboot_pending_hard", "reboot_started_hard" -> "HARD_REBOOT";
                case "resize_prep", "resize_migrating", "resize_migrated", "resize_finish" -> "RESIZE";
                default -> "ACTIVE";
            };
            case BUILDING -> "BUILD";
            case STOPPED -> t.startsWith("resize_") ? "RESIZE" : "SHUTOFF";
            case RESIZED -> t.equals("resize_reverting") ? "REVERT_RESIZE" : "VERIFY_RESIZE";
            case PAUSED -> "PAUSED";
            case SUSPENDED -> "SUSPENDED";
            case RESCUED -> "RESCUE";
            case ERROR -> "ERROR";
            case DELETED -> "DELETED";
            case SOFT_DELETED -> "SOFT_DELETED";
            case SHELVED -> "SHELVED";
            case SHELVED_OFFLOADED -> "SHELVED_OFFLOADED";
        };
    }

    /** {@code progress} is shown only for these statuses. */
    public static boolean showsProgress(String status) {
        return switch (status) {
            case "ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING" -> true;
            default -> false;
        };
    }
}
