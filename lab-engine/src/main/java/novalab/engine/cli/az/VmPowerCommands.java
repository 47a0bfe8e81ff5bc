package novalab.engine.cli.az;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import novalab.engine.api.ServerAction;
import novalab.engine.api.ServerView;

/**
 * {@code az vm stop|deallocate|start|delete} and {@code vm boot-diagnostics enable|get-boot-log} as Nova
 * actions: stop = stop (SHUTOFF, still on its host), deallocate = shelve, which offloads at once
 * ({@code shelved_offload_time = 0}) and frees the host, start = start or unshelve (through the
 * scheduler again), delete = delete; the boot log is the console log.
 */
final class VmPowerCommands {
    private VmPowerCommands() {}

    static List<AzCommand> all() {
        return List.of(new Stop(), new Deallocate(), new Start(), new Delete(), new BootDiagnosticsEnable(), new BootLog());
    }

    private static AzArgs.Spec spec(String summary) {
        return VmCommands.vmSpec(summary).flag("--no-wait", "Do not wait for the long-running operation to finish.");
    }

    static final class Stop implements AzCommand {
        public String name() { return "vm stop"; }

        public AzArgs.Spec spec() { return VmPowerCommands.spec("Power off (stop) a running VM.").flag("--skip-shutdown", "Skip shutdown and power-off immediately."); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Vm vm = ctx.vm(a.get("--resource-group"), a.get("--name"));
            ctx.warn("About to power off the specified VM...\nIt will continue to be billed. To deallocate a VM, run: az vm deallocate.");
            ServerView v = ctx.server(vm).orElseThrow();
            if (v.status().startsWith("SHELVED")) {
                throw AzError.arm("OperationNotAllowed", "Operation 'powerOff' is not allowed on VM '" + vm.name()
                        + "' since the VM is deallocated or marked to be deallocated.", false);
            }
            if (!v.status().equals("SHUTOFF")) {
                ctx.cloud().compute().action(ctx.token(), vm.serverId(), ServerAction.STOP);
                if (!a.flag("--no-wait")) ctx.waitFor(vm.serverId(), x -> x.status().equals("SHUTOFF"));
            }
            return Optional.empty();
        }
    }

    static final class Deallocate implements AzCommand {
        public String name() { return "vm deallocate"; }

        public AzArgs.Spec spec() { return VmPowerCommands.spec("Deallocate a VM so that computing resources are no longer allocated (charges no longer apply). The status will change from 'Stopped' to 'Stopped (Deallocated)'."); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Vm vm = ctx.vm(a.get("--resource-group"), a.get("--name"));
            ServerView v = ctx.server(vm).orElseThrow();
            if (v.status().equals("SHELVED")) {
                ctx.cloud().compute().action(ctx.token(), vm.serverId(), ServerAction.SHELVE_OFFLOAD);
            } else if (!v.status().equals("SHELVED_OFFLOADED")) {
                ctx.cloud().compute().action(ctx.token(), vm.serverId(), ServerAction.SHELVE);
            }
            if (a.flag("--no-wait")) return Optional.empty();
            Optional<ServerView> after = ctx.waitFor(vm.serverId(), x -> x.status().startsWith("SHELVED") && x.taskState().isEmpty());
            if (after.isPresent() && after.get().status().equals("SHELVED")) {
                ctx.cloud().compute().action(ctx.token(), vm.serverId(), ServerAction.SHELVE_OFFLOAD);
                ctx.waitFor(vm.serverId(), x -> x.status().equals("SHELVED_OFFLOADED"));
            }
            return Optional.empty();
        }
    }

    static final class Start implements AzCommand {
        public String name() { return "vm start"; }

        public AzArgs.Spec spec() { return VmPowerCommands.spec("Start a stopped VM."); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Vm vm = ctx.vm(a.get("--resource-group"), a.get("--name"));
            ServerView v = ctx.server(vm).orElseThrow();
            if (v.status().equals("ACTIVE")) return Optional.empty();
            ServerAction action = v.status().startsWith("SHELVED") ? ServerAction.UNSHELVE : ServerAction.START;
            ctx.cloud().compute().action(ctx.token(), vm.serverId(), action);
            if (!a.flag("--no-wait")) {
                ServerView after = ctx.waitFor(vm.serverId(), x -> x.status().equals("ACTIVE") && x.taskState().isEmpty()).orElseThrow();
                if (after.status().equals("ERROR")) {
                    throw AzError.arm("AllocationFailed", "Allocation failed. We do not have sufficient capacity for the requested VM size in this region. "
                            + "Read more about improving likelihood of allocation success at http://aka.ms/allocation-guidance", false);
                }
            }
            return Optional.empty();
        }
    }

    /** Deletes the Nova server and its imported key pair; the NSG and public IP stay, as in Azure. */
    static void deleteVm(AzContext ctx, AzureRegistry.Vm vm) {
        ctx.cloud().compute().deleteServer(ctx.token(), vm.serverId());
        ctx.waitFor(vm.serverId(), x -> false);
        ctx.cloud().neutron().nsgs().detach(vm.serverId());
        try {
            ctx.cloud().compute().deleteKeyPair(ctx.token(), vm.keyPairName());
        } catch (novalab.engine.common.CloudError e) {
            if (e.status() != 404) throw e;
        }
        ctx.registry().removeVm(vm);
    }

    static final class Delete implements AzCommand {
        public String name() { return "vm delete"; }

        public AzArgs.Spec spec() { return VmPowerCommands.spec("Delete a VM.").flag("--yes -y", "Do not prompt for confirmation."); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Vm vm = ctx.vm(a.get("--resource-group"), a.get("--name"));
            if (!Confirm.confirmed(ctx, a)) return Optional.empty();
            deleteVm(ctx, vm);
            return Optional.empty();
        }
    }

    static final class BootDiagnosticsEnable implements AzCommand {
        public String name() { return "vm boot-diagnostics enable"; }

        public AzArgs.Spec spec() { return VmCommands.vmSpec("Enable the boot diagnostics on a VM.").one("--storage", "Name or URI of a storage account (e.g. https://your_storage_account_name.blob.core.windows.net/). If it's not specified, managed storage will be used."); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Vm vm = ctx.vm(a.get("--resource-group"), a.get("--name"));
            ctx.registry().putVm(vm.withBootDiagnostics(true));
            return Optional.empty();
        }
    }

    static final class BootLog implements AzCommand {
        public String name() { return "vm boot-diagnostics get-boot-log"; }

        public AzArgs.Spec spec() { return VmCommands.vmSpec("Get the boot diagnostics log from a VM."); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Vm vm = ctx.vm(a.get("--resource-group"), a.get("--name"));
            if (!vm.bootDiagnostics()) throw AzError.of("Please enable boot diagnostics.");
            ctx.inv().out(ctx.cloud().compute().consoleOutput(ctx.token(), vm.serverId(), Optional.empty()));
            return Optional.empty();
        }
    }
}
