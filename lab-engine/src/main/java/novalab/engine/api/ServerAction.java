package novalab.engine.api;

/** The server actions nova-api accepts, with their API names as Nova's 409 messages print them. */
public enum ServerAction {
    START("start"), STOP("stop"), REBOOT_SOFT("reboot"), REBOOT_HARD("reboot"), SHELVE("shelve"),
    SHELVE_OFFLOAD("shelveOffload"), UNSHELVE("unshelve"), LOCK("lock"), UNLOCK("unlock"), MIGRATE("migrate"),
    CONFIRM_RESIZE("confirmResize"), REVERT_RESIZE("revertResize");

    private final String apiName;

    ServerAction(String apiName) { this.apiName = apiName; }

    public String apiName() { return apiName; }
}
