package novalab.engine.cli.ops;

import java.util.List;
import java.util.Optional;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;
import novalab.engine.virt.ComputeDriver;
import novalab.engine.virt.HostSpec;
import novalab.engine.virt.InstanceInfo;
import novalab.engine.virt.PowerState;

/**
 * A compute node's own view of its hardware: procps {@code free} and coreutils {@code nproc}. The
 * memory in use is the host's services plus every running guest's qemu process (its flavor's RAM and
 * a little overhead), read from the same hypervisor nova-compute uses.
 */
public final class HostTools {
    private HostTools() {}

    /** The host's own daemons (nova-compute, libvirtd, ovs-vswitchd, the kernel's slab), in MiB. */
    static final int BASE_USED_MIB = 612;
    /** qemu's own overhead per running guest, in MiB. */
    static final int QEMU_OVERHEAD_MIB = 24;
    static final int BUFF_CACHE_MIB = 880;

    /** What {@code free} reports, in KiB. */
    record Memory(long total, long used, long free, long shared, long buffCache, long available) {}

    static Memory memory(ComputeDriver driver) {
        HostSpec h = driver.host();
        long total = (h.memoryMb() - h.memoryMb() / 40) * 1024L;
        List<InstanceInfo> running = driver.listInstances().stream().map(driver::getInfo).flatMap(Optional::stream)
                .filter(i -> i.state() == PowerState.RUNNING).toList();
        long used = BASE_USED_MIB * 1024L + running.stream().mapToLong(i -> i.memoryKib() + QEMU_OVERHEAD_MIB * 1024L).sum();
        long cache = Math.min(BUFF_CACHE_MIB * 1024L, Math.max(0, total - used));
        long shared = (2 + running.size()) * 1024L;
        long free = Math.max(0, total - used - cache);
        long available = Math.max(0, total - used - shared);
        return new Memory(total, used, free, shared, cache, available);
    }

    /** procps-ng 3.3.17's {@code free} with -b/-k (default), -m, -g, -h, -t, -w. */
    public static final class Free implements Program {
        private final ComputeDriver driver;

        public Free(ComputeDriver driver) { this.driver = driver; }

        @Override
        public int run(Invocation inv) {
            long unit = 1;
            boolean human = false;
            boolean totals = false;
            for (String a : inv.args()) {
                switch (a) {
                    case "-k", "--kibi" -> unit = 1;
                    case "-m", "--mebi" -> unit = 1024;
                    case "-g", "--gibi" -> unit = 1024 * 1024;
                    case "-h", "--human" -> human = true;
                    case "-t", "--total" -> totals = true;
                    case "-w", "--wide", "-l", "--lohi" -> { }
                    case "--help" -> {
                        inv.outln("\nUsage:\n free [options]\n\nOptions:\n -b, --bytes         show output in bytes\n -k, --kibi          show output in kibibytes\n"
                                + " -m, --mebi          show output in mebibytes\n -g, --gibi          show output in gibibytes\n"
                                + " -h, --human         show human-readable output\n -t, --total         show total for RAM + swap\n"
                                + "     --help     display this help and exit\n -V, --version  output version information and exit\n\n"
                                + "For more details see free(1).");
                        return 0;
                    }
                    case "-V", "--version" -> { inv.outln("free from procps-ng 3.3.17"); return 0; }
                    default -> {
                        inv.errln("free: invalid option -- '" + a.replaceFirst("^-+", "") + "'");
                        inv.errln("\nUsage:\n free [options]\n\nFor more details see free(1).");
                        return 1;
                    }
                }
            }
            Memory m = memory(driver);
            final long u = unit;
            final boolean h = human;
            java.util.function.LongFunction<String> f = kib -> h ? human(kib) : String.valueOf(kib / u);
            inv.outln("               total        used        free      shared  buff/cache   available");
            inv.outln(String.format("%-7s %11s %11s %11s %11s %11s %11s", "Mem:", f.apply(m.total()), f.apply(m.used()), f.apply(m.free()),
                    f.apply(m.shared()), f.apply(m.buffCache()), f.apply(m.available())));
            inv.outln(String.format("%-7s %11s %11s %11s", "Swap:", f.apply(0), f.apply(0), f.apply(0)));
            if (totals) {
                inv.outln(String.format("%-7s %11s %11s %11s", "Total:", f.apply(m.total()), f.apply(m.used()), f.apply(m.free())));
            }
            return 0;
        }

        private static String human(long kib) {
            if (kib == 0) return "0B";
            String[] units = {"Ki", "Mi", "Gi", "Ti"};
            double v = kib;
            int i = 0;
            while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
            return (v < 10 ? String.format("%.1f", v) : String.format("%.0f", v)) + units[i];
        }
    }

    /** coreutils {@code nproc}: the host's CPUs (all of them; nova-compute does not pin the shell). */
    public static final class Nproc implements Program {
        private final ComputeDriver driver;

        public Nproc(ComputeDriver driver) { this.driver = driver; }

        @Override
        public int run(Invocation inv) {
            int ignore = 0;
            List<String> a = inv.args();
            for (int i = 0; i < a.size(); i++) {
                String x = a.get(i);
                if (x.equals("--all")) continue;
                if (x.equals("--version")) { inv.outln("nproc (GNU coreutils) 8.32"); return 0; }
                if (x.equals("--help")) {
                    inv.outln("Usage: nproc [OPTION]...\nPrint the number of processing units available to the current process,\n"
                            + "which may be less than the number of online processors\n\n      --all      print the number of installed processors\n"
                            + "      --ignore=N  if possible, exclude N processing units\n      --help     display this help and exit\n"
                            + "      --version  output version information and exit");
                    return 0;
                }
                String n = x.startsWith("--ignore=") ? x.substring(9) : x.equals("--ignore") && i + 1 < a.size() ? a.get(++i) : null;
                if (n == null) {
                    inv.errln(x.startsWith("-") ? "nproc: unrecognized option '" + x + "'" : "nproc: extra operand '" + x + "'");
                    inv.errln("Try 'nproc --help' for more information.");
                    return 1;
                }
                try {
                    ignore = Integer.parseInt(n);
                    if (ignore < 0) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    inv.errln("nproc: invalid number: '" + n + "'");
                    return 1;
                }
            }
            inv.outln(String.valueOf(Math.max(1, driver.host().vcpus() - ignore)));
            return 0;
        }
    }
}
