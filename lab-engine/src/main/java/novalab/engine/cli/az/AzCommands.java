package novalab.engine.cli.az;

import java.util.ArrayList;
import java.util.List;

/** The {@code az} command table: every supported command, listed explicitly. */
final class AzCommands {
    private AzCommands() {}

    static List<AzCommand> all() {
        List<AzCommand> all = new ArrayList<>();
        all.addAll(AccountCommands.all());
        all.addAll(GroupCommands.all());
        all.addAll(NetworkCommands.all());
        all.addAll(VmCommands.all());
        all.addAll(VmPowerCommands.all());
        return all;
    }
}
