package novalab.engine.bench;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.Sandbox;

/**
 * {@code ./lab bench engine}: commands per second of a grading-style replay of the cookbook (a fresh
 * sandbox per replay), sandbox creation time, and heap bytes per idle sandbox, on both drivers.
 * Prints figures; asserts nothing.
 */
public final class EngineBench {
    private EngineBench() {}

    public static void main(String[] args) {
        int replays = 200;
        int idle = 1000;
        boolean byCommand = java.util.Arrays.asList(args).contains("--by-command");
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--replays")) replays = Integer.parseInt(args[i + 1]);
            if (args[i].equals("--sandboxes")) idle = Integer.parseInt(args[i + 1]);
        }
        List<Cookbook.Step> history = Cookbook.history();
        System.out.println("Nova Lab engine benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.version() + ")");
        for (String driver : List.of("fake", "libvirt")) {
            if (driver.equals("libvirt") && !novalab.engine.virt.Drivers.defaultKind().equals("libvirt")) {
                System.out.println("libvirt: skipped (libvirt0 is not installed)");
                continue;
            }
            for (int w = 0; w < 150; w++) replay(driver, history);
            long createNs = 0, replayNs = 0;
            long[] perCommand = new long[history.size()];
            for (int r = 0; r < replays; r++) {
                long t0 = System.nanoTime();
                Sandbox box = Sandbox.create(c -> c.driver = driver);
                long t1 = System.nanoTime();
                for (int k = 0; k < history.size(); k++) {
                    long c0 = System.nanoTime();
                    box.run(history.get(k).offsetMs(), history.get(k).line());
                    perCommand[k] += System.nanoTime() - c0;
                }
                long t2 = System.nanoTime();
                box.close();
                createNs += t1 - t0;
                replayNs += t2 - t1;
            }
            long commands = (long) replays * history.size();
            System.out.printf("%-8s cookbook replay: %,.0f commands/s (%,.0f commands/s counting sandbox creation), %d replays of %d commands%n",
                    driver, commands / (replayNs / 1e9), commands / ((replayNs + createNs) / 1e9), replays, history.size());
            if (byCommand) {
                for (int k = 0; k < history.size(); k++) {
                    System.out.printf("%-8s   %7.3f ms  %s%n", driver, perCommand[k] / 1e6 / replays, history.get(k).line());
                }
            }
            System.out.printf("%-8s sandbox creation: %.2f ms each%n", driver, createNs / 1e6 / replays);
            System.out.printf("%-8s idle sandbox heap: %,d bytes each (%d sandboxes)%n", driver, idleHeap(driver, idle), idle);
        }
    }

    private static void replay(String driver, List<Cookbook.Step> history) {
        try (Sandbox box = Sandbox.create(c -> c.driver = driver)) {
            for (Cookbook.Step s : history) box.run(s.offsetMs(), s.line());
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long idleHeap(String driver, int n) {
        long before = usedHeap();
        List<Sandbox> boxes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) boxes.add(Sandbox.create(c -> c.driver = driver));
        long after = usedHeap();
        long per = (after - before) / n;
        boxes.forEach(Sandbox::close);
        return per;
    }
}
