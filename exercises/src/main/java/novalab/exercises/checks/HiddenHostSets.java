package novalab.exercises.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import novalab.engine.scheduler.external.ExternalScheduling.HostCase;
import novalab.engine.scheduler.external.ExternalScheduling.HostView;
import novalab.engine.scheduler.external.ExternalScheduling.RequestView;

/**
 * The host lists a {@code scheduler_class} check asks a student class about, generated from the check's
 * seed (so they are the same on every grading and never shown to students). Values sit on the edges a
 * filter gets wrong (2047/2048/2049 MB free, hosts with a GPU but little RAM, sets where no host qualifies).
 */
final class HiddenHostSets {
    private static final int[] FREE_RAM = {256, 1024, 2047, 2048, 2049, 3072, 6144, 12288, 15872};
    private static final int[] VCPUS = {8, 16, 32};
    private static final List<RequestView> FLAVORS = List.of(
            new RequestView("m1.tiny", 1, 512, 1, Map.of(), "cirros"),
            new RequestView("m1.small", 1, 2048, 20, Map.of(), "ubuntu-22.04-cuda"),
            new RequestView("m1.medium", 2, 4096, 40, Map.of(), "ubuntu-22.04-cuda"));

    private HiddenHostSets() {}

    static List<HostCase> generate(long seed, int sets) {
        Random r = new Random(seed);
        List<HostCase> out = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            int n = 3 + r.nextInt(4);
            List<HostView> hosts = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                int gpus = r.nextInt(5) < 2 ? 0 : 1 + r.nextInt(2);
                int free = FREE_RAM[r.nextInt(FREE_RAM.length)];
                if (j == 0 && s % 2 == 0) {
                    gpus = 1 + r.nextInt(2);
                    free = FREE_RAM[r.nextInt(3)];
                }
                int vcpus = VCPUS[r.nextInt(VCPUS.length)];
                int used = r.nextInt(vcpus + 1);
                String name = "node" + (char) ('a' + s % 26) + (j + 1);
                hosts.add(new HostView(name, name, gpus > 0 ? "cell2" : "cell1", 16384, free, vcpus, used, 400,
                        (50 + r.nextInt(350)) * 1024, used / 2, gpus, gpus > 0 ? Set.of("CUSTOM_GPU") : Set.of()));
            }
            out.add(new HostCase(hosts, FLAVORS.get(r.nextInt(FLAVORS.size()))));
        }
        return List.copyOf(out);
    }
}
