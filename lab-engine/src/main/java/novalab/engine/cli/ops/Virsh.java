package novalab.engine.cli.ops;

import java.util.List;
import java.util.Optional;
import novalab.engine.virt.ComputeDriver;
import novalab.engine.virt.HostSpec;
import novalab.engine.virt.InstanceInfo;
import novalab.engine.virt.PowerState;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;

/**
 * libvirt's {@code virsh} on a compute node, read-only: list, dumpxml, dominfo, domstate, nodeinfo.
 * It reads the host's hypervisor through the same driver nova-compute uses.
 */
public final class Virsh implements Program, novalab.engine.shell.Completer {
    private final ComputeDriver driver;

    public Virsh(ComputeDriver driver) {
        this.driver = driver;
    }

    private static String state(PowerState p) {
        return switch (p) {
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case SHUTDOWN -> "shut off";
            case CRASHED -> "crashed";
            case SUSPENDED -> "pmsuspended";
            case NOSTATE -> "no state";
        };
    }

    /** The id {@code virsh list} gives a running domain: its place among the running ones. */
    private int domainId(String name) {
        int id = 1;
        for (String n : driver.listInstances()) {
            if (n.equals(name)) return id;
            if (driver.getInfo(n).map(i -> i.state() == PowerState.RUNNING).orElse(false)) id++;
        }
        return id;
    }

    /** Tab completion: the lab's subcommands, {@code --all} for list, and this node's domain names. */
    @Override
    public List<String> complete(novalab.engine.shell.CompletionRequest r) {
        List<String> args = r.args();
        if (args.isEmpty()) return r.matching(List.of("list", "dumpxml", "dominfo", "domstate", "nodeinfo"));
        if (args.get(0).equals("list")) return r.matching(List.of("--all"));
        if (args.size() == 1 && List.of("dumpxml", "dominfo", "domstate").contains(args.get(0))) return r.matching(driver.listInstances());
        return List.of();
    }

    @Override
    public int run(Invocation inv) {
        List<String> a = inv.args();
        if (a.isEmpty()) {
            inv.errln("error: the lab's virsh has no interactive mode; try 'virsh list --all'");
            return 1;
        }
        switch (a.get(0)) {
            case "list" -> {
                boolean all = a.contains("--all");
                inv.outln(" Id   Name                State");
                inv.outln("-----------------------------------");
                int id = 1;
                for (String name : driver.listInstances()) {
                    Optional<InstanceInfo> info = driver.getInfo(name);
                    boolean running = info.map(i -> i.state() == PowerState.RUNNING).orElse(false);
                    if (!running && !all) continue;
                    inv.outln(String.format(" %-4s %-19s %s", running ? String.valueOf(id) : "-", name, info.map(i -> state(i.state())).orElse("shut off")));
                    if (running) id++;
                }
                inv.outln("");
                return 0;
            }
            case "dumpxml", "dominfo", "domstate" -> {
                if (a.size() < 2) {
                    inv.errln("error: command '" + a.get(0) + "' requires <domain> option");
                    return 1;
                }
                String name = a.get(1);
                Optional<InstanceInfo> info = driver.getInfo(name);
                if (info.isEmpty()) {
                    inv.errln("error: failed to get domain '" + name + "'");
                    return 1;
                }
                switch (a.get(0)) {
                    case "dumpxml" -> {
                        String xml = driver.domainXml(name).orElse("");
                        inv.out(xml.endsWith("\n") ? xml : xml + "\n");
                    }
                    case "domstate" -> {
                        inv.outln(state(info.get().state()));
                        inv.outln("");
                    }
                    default -> {
                        boolean running = info.get().state() == PowerState.RUNNING;
                        String xml = driver.domainXml(name).orElse("");
                        int u = xml.indexOf("<uuid>");
                        String uuid = u < 0 ? "" : xml.substring(u + 6, xml.indexOf("</uuid>", u));
                        inv.outln(String.format("%-15s %s", "Id:", running ? String.valueOf(domainId(name)) : "-"));
                        inv.outln(String.format("%-15s %s", "Name:", name));
                        inv.outln(String.format("%-15s %s", "UUID:", uuid));
                        inv.outln(String.format("%-15s %s", "OS Type:", "hvm"));
                        inv.outln(String.format("%-15s %s", "State:", state(info.get().state())));
                        inv.outln(String.format("%-15s %d", "CPU(s):", info.get().vcpus()));
                        inv.outln(String.format("%-15s %d KiB", "Max memory:", info.get().memoryKib()));
                        inv.outln(String.format("%-15s %d KiB", "Used memory:", info.get().memoryKib()));
                        inv.outln(String.format("%-15s %s", "Persistent:", "yes"));
                        inv.outln(String.format("%-15s %s", "Autostart:", "disable"));
                        inv.outln(String.format("%-15s %s", "Managed save:", "no"));
                        inv.outln(String.format("%-15s %s", "Security model:", "apparmor"));
                        inv.outln(String.format("%-15s %s", "Security DOI:", "0"));
                        if (running) inv.outln(String.format("%-15s %s", "Security label:", "libvirt-" + uuid + " (enforcing)"));
                        inv.outln("");
                    }
                }
                return 0;
            }
            case "nodeinfo" -> {
                HostSpec h = driver.host();
                inv.outln(String.format("%-21s%s", "CPU model:", h.arch()));
                inv.outln(String.format("%-21s%d", "CPU(s):", h.vcpus()));
                inv.outln(String.format("%-21s%s", "CPU frequency:", "2400 MHz"));
                inv.outln(String.format("%-21s%d", "CPU socket(s):", h.sockets()));
                inv.outln(String.format("%-21s%d", "Core(s) per socket:", h.cores()));
                inv.outln(String.format("%-21s%d", "Thread(s) per core:", h.threads()));
                inv.outln(String.format("%-21s%d", "NUMA cell(s):", 1));
                inv.outln(String.format("%-21s%d KiB", "Memory size:", h.memoryMb() * 1024L));
                inv.outln("");
                return 0;
            }
            default -> {
                inv.errln("error: unknown command: '" + a.get(0) + "'");
                return 1;
            }
        }
    }
}
