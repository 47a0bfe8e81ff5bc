package novalab.engine.scheduler.external;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Runs student-written scheduler classes outside the lab's JVM. The engine never loads student code: it
 * hands the class's source and plain host records to this interface and reads back one answer per host.
 * Implementations must be deterministic for a given source and input (so a replayed history gives the
 * same placements) and must contain whatever the code does: a throw, a loop, an allocation bomb.
 */
public interface ExternalScheduling {
    /** A filter answers "does this host pass?"; a weigher answers a raw weight per host. */
    enum Kind { FILTER, WEIGHER }

    /** One student class: what it is, its simple class name and its Java source as saved on the controller. */
    record StudentClass(Kind kind, String className, String source) {}

    /**
     * One candidate host as a student's code sees it. {@code gpus} is the free count of the {@code gpu} PCI alias.
     */
    record HostView(String host, String nodename, String cell, int totalRamMb, int freeRamMb, int vcpus, int vcpusUsed,
                    int totalDiskGb, int freeDiskMb, int numInstances, int gpus, Set<String> traits) {
        public HostView {
            traits = novalab.engine.common.Ordered.set(traits);
        }
    }

    /** What the request asks for: the flavor's name and sizes and its extra specs, and the image's name. */
    record RequestView(String flavorName, int vcpus, int ramMb, int diskGb, Map<String, String> extraSpecs, String imageName) {
        public RequestView {
            extraSpecs = novalab.engine.common.Ordered.map(extraSpecs);
        }
    }

    /** The hosts and request of one scheduling question. */
    record HostCase(List<HostView> hosts, RequestView request) {
        public HostCase {
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * The answer for one host: a filter's verdict ({@code passes}) or a weigher's raw {@code weight}, or
     * what the code raised on it ({@code raised}, e.g. {@code java.lang.ArithmeticException: / by zero (GpuRamFilter.java:6)}).
     */
    record HostAnswer(String host, boolean passes, double weight, Optional<String> raised) {}

    /** One case's answers, host by host in input order; or why the whole case got none (timeout, memory, not compiled). */
    record CaseAnswer(Optional<String> failure, List<HostAnswer> hosts) {
        public CaseAnswer {
            hosts = List.copyOf(hosts);
        }

        public static CaseAnswer failed(String why) { return new CaseAnswer(Optional.of(why), List.of()); }
    }

    /**
     * Compiles the class (compiling is not running): empty when it is a usable filter or weigher, else the
     * compiler's message or what is missing ("GpuRamFilter does not implement nova.scheduler.HostFilter").
     */
    Optional<String> check(StudentClass cls);

    /** Runs the class on every case, in one sandboxed run where possible; one answer per case, in order. */
    List<CaseAnswer> run(StudentClass cls, List<HostCase> cases);

    /** The runner for a lab without one: every student class fails to load with this sentence. */
    ExternalScheduling NONE = new ExternalScheduling() {
        private static final String WHY = "this lab has no sandbox for student Java code installed";

        @Override public Optional<String> check(StudentClass cls) { return Optional.of(WHY); }

        @Override public List<CaseAnswer> run(StudentClass cls, List<HostCase> cases) {
            return cases.stream().map(c -> CaseAnswer.failed(WHY)).toList();
        }
    };

    /** The first implementation registered with {@link ServiceLoader}, else {@link #NONE}. */
    static ExternalScheduling installed() {
        return Holder.INSTALLED;
    }

    /** Lazily looks the installed runner up once per JVM. */
    final class Holder {
        private static final ExternalScheduling INSTALLED =
                ServiceLoader.load(ExternalScheduling.class).findFirst().orElse(NONE);

        private Holder() {}
    }
}
