package novalab.engine.cli.ops;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.nodes.ServiceUnit;
import novalab.engine.nodes.SimNode;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;

/**
 * systemd's {@code systemctl} on an infrastructure node: status, start, stop, restart, is-active for
 * the node's OpenStack units. A restart re-reads nova.conf, and a bad value makes the unit fail as the
 * real daemon does.
 */
public final class Systemctl implements Program {
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter JOURNAL = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Cloud cloud;
    private final SimNode node;

    public Systemctl(Cloud cloud, SimNode node) {
        this.cloud = cloud;
        this.node = node;
    }

    @Override
    public int run(Invocation inv) {
        List<String> a = inv.args().stream().filter(x -> !x.startsWith("-")).toList();
        if (a.isEmpty()) {
            listUnits(inv);
            return 0;
        }
        String verb = a.get(0);
        if (a.size() < 2 && !verb.equals("list-units")) {
            inv.errln("Too few arguments.");
            return 1;
        }
        if (verb.equals("list-units")) {
            listUnits(inv);
            return 0;
        }
        int status = 0;
        for (String name : a.subList(1, a.size())) {
            String unitName = name.endsWith(".service") ? name : name + ".service";
            Optional<ServiceUnit> unit = node.unit(name);
            if (unit.isEmpty()) {
                switch (verb) {
                    case "status" -> { inv.errln("Unit " + unitName + " could not be found."); status = 4; }
                    case "is-active" -> { inv.outln("inactive"); status = 3; }
                    case "start", "stop", "restart", "reload", "enable", "disable" -> {
                        inv.errln("Failed to " + verb + " " + unitName + ": Unit " + unitName + " not found.");
                        status = 5;
                    }
                    default -> { inv.errln("Unknown command verb " + verb + "."); return 1; }
                }
                continue;
            }
            ServiceUnit u = unit.get();
            long now = cloud.nowMs();
            switch (verb) {
                case "status" -> status = Math.max(status, status(inv, u));
                case "is-active" -> {
                    inv.outln(u.running() ? "active" : u.failure().isPresent() ? "failed" : "inactive");
                    if (!u.running()) status = 3;
                }
                case "stop" -> u.stop(now);
                case "start", "restart", "reload" -> {
                    if (!verb.equals("start")) u.stop(now);
                    inv.control().sleep(2_000);
                    if (u.start(cloud.nowMs()).isPresent()) {
                        inv.errln("Job for " + unitName + " failed because the control process exited with error code.");
                        inv.errln("See \"systemctl status " + unitName + "\" and \"journalctl -xeu " + unitName + "\" for details.");
                        status = 1;
                    }
                }
                case "enable", "disable" -> { }
                default -> { inv.errln("Unknown command verb " + verb + "."); return 1; }
            }
        }
        return status;
    }

    private void listUnits(Invocation inv) {
        inv.outln("  UNIT                          LOAD   ACTIVE SUB     DESCRIPTION");
        for (ServiceUnit u : node.units().values()) {
            String state = u.running() ? "active running " : u.failure().isPresent() ? "failed failed  " : "inactive dead  ";
            inv.outln(String.format("  %-29s loaded %s %s", u.name() + ".service", state, u.description()));
        }
    }

    private int status(Invocation inv, ServiceUnit u) {
        String since = SINCE.format(cloud.clock().instantAt(u.sinceMs()));
        String ago = ago(cloud.nowMs() - u.sinceMs());
        String dot = u.running() ? "●" : u.failure().isPresent() ? "×" : "○";
        inv.outln(dot + " " + u.name() + ".service - " + u.description());
        inv.outln("     Loaded: loaded (/lib/systemd/system/" + u.name() + ".service; enabled; vendor preset: enabled)");
        if (u.running()) {
            inv.outln("     Active: active (running) since " + since + "; " + ago + " ago");
            inv.outln("   Main PID: " + u.pid() + " (" + u.name() + ")");
            inv.outln("      Tasks: " + (u.name().startsWith("nova") ? 3 : 19) + " (limit: 19110)");
            inv.outln("     Memory: 118.4M");
            inv.outln("     CGroup: /system.slice/" + u.name() + ".service");
            inv.outln("             └─" + u.pid() + " /usr/bin/python3 " + u.execStart()
                    + (u.name().startsWith("nova") ? " --config-file=/etc/nova/nova.conf --log-file=/var/log/nova/" + u.name() + ".log" : ""));
        } else if (u.failure().isPresent()) {
            inv.outln("     Active: failed (Result: exit-code) since " + since + "; " + ago + " ago");
            inv.outln("    Process: " + u.pid() + " ExecStart=" + u.execStart() + " (code=exited, status=1/FAILURE)");
            inv.outln("   Main PID: " + u.pid() + " (code=exited, status=1/FAILURE)");
        } else {
            inv.outln("     Active: inactive (dead) since " + since + "; " + ago + " ago");
        }
        inv.outln("");
        String stamp = JOURNAL.format(cloud.clock().instantAt(u.sinceMs()));
        if (u.running()) {
            inv.outln(stamp + " " + node.hostname() + " systemd[1]: Started " + u.description() + ".");
        } else if (u.failure().isPresent()) {
            inv.outln(stamp + " " + node.hostname() + " " + u.name() + "[" + u.pid() + "]: ERROR " + u.failure().get());
            inv.outln(stamp + " " + node.hostname() + " systemd[1]: " + u.name() + ".service: Main process exited, code=exited, status=1/FAILURE");
            inv.outln(stamp + " " + node.hostname() + " systemd[1]: " + u.name() + ".service: Failed with result 'exit-code'.");
            inv.outln(stamp + " " + node.hostname() + " systemd[1]: Failed to start " + u.description() + ".");
        } else {
            inv.outln(stamp + " " + node.hostname() + " systemd[1]: Stopped " + u.description() + ".");
        }
        return u.running() ? 0 : 3;
    }

    static String ago(long ms) {
        long s = ms / 1000;
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "min " + (s % 60) + "s";
        return (s / 3600) + "h " + ((s % 3600) / 60) + "min";
    }
}
