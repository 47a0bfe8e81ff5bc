package novalab.grader.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import novalab.exercises.ExerciseLoader;
import novalab.exercises.Exercise;

/**
 * Generates varied student histories from an exercise's reference solution, seeded so the same seed gives
 * the same histories: correct (with harmless noise), partial (stopped early), wrong (a dropped or altered
 * command), noisy (a mistake later fixed), and now and then empty. About 40 commands each.
 */
public final class HistoryGenerator {
    /** The kind of a generated history. */
    public enum Kind { CORRECT, PARTIAL, WRONG, NOISY, EMPTY }

    /** A generated history: its kind, its commands with offsets, and its text as a file (JSON Lines or plain text). */
    public record Generated(Kind kind, List<String> commands, String text, boolean jsonLines) {}

    private static final List<String> NOISE = List.of(
            "openstack flavor list", "openstack server list", "openstack image list", "openstack network list", "ls -l", "pwd",
            "openstack security group list", "openstack keypair list", "echo checking", "openstack server list --long",
            "openstak server list", "openstack server show nebula_web_01", "cat nebula-openrc.sh", "openstack hypervisor list",
            "openstack availability zone list", "openstack compute service list", "openstack floating ip list", "clear",
            "openstack flavor show m1.small", "openstack port list", "whoami", "date", "openstack subnet list", "openstack help server");

    private final Random random;
    private final int size;

    public HistoryGenerator(long seed, int size) {
        this.random = new Random(seed);
        this.size = size;
    }

    public Generated next(Exercise ex, Kind kind) {
        List<String> sol = new ArrayList<>(ExerciseLoader.commandLines(ex.solution().orElse("")));
        List<String> cmds = switch (kind) {
            case CORRECT -> sol;
            case PARTIAL -> new ArrayList<>(sol.subList(0, Math.max(1, sol.size() / 2 + random.nextInt(Math.max(1, sol.size() / 2)))));
            case WRONG -> wrong(sol);
            case NOISY -> withFixedMistake(sol);
            case EMPTY -> new ArrayList<>();
        };
        if (kind != Kind.EMPTY) {
            while (cmds.size() < size) cmds.add(1 + random.nextInt(cmds.size()), NOISE.get(random.nextInt(NOISE.size())));
        }
        boolean jsonl = random.nextBoolean();
        StringBuilder sb = new StringBuilder();
        long t = 0;
        for (String c : cmds) {
            if (jsonl) {
                sb.append("{\"t\": ").append(t).append(", \"cmd\": \"").append(c.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}\n");
                t += 1000 + random.nextInt(7000);
            } else {
                sb.append(c).append('\n');
            }
        }
        return new Generated(kind, List.copyOf(cmds), sb.toString(), jsonl);
    }

    /** Kinds in a realistic mix: 40 % correct, 20 % partial, 20 % wrong, 18 % noisy-but-fixed, 2 % empty. */
    public Kind kind(int i) {
        int k = i % 50;
        if (k == 49) return Kind.EMPTY;
        if (k < 20) return Kind.CORRECT;
        if (k < 30) return Kind.PARTIAL;
        if (k < 40) return Kind.WRONG;
        return Kind.NOISY;
    }

    private List<String> wrong(List<String> sol) {
        List<String> out = new ArrayList<>(sol);
        int i = 1 + random.nextInt(Math.max(1, out.size() - 1));
        if (i >= out.size()) i = out.size() - 1;
        if (random.nextBoolean() || !out.get(i).matches(".*\\d.*")) out.remove(i);
        else out.set(i, alter(out.get(i)));
        return out;
    }

    private List<String> withFixedMistake(List<String> sol) {
        List<String> out = new ArrayList<>(sol);
        int i = random.nextInt(out.size());
        if (out.get(i).matches(".*\\d.*") && !out.get(i).startsWith("source")) out.add(i, "# first try: " + alter(out.get(i)));
        out.add(i, "openstak " + out.get(i).replaceFirst("^openstack ", ""));
        return out;
    }

    private static String alter(String line) {
        return line.replaceFirst("(\\d+)", "$19");
    }
}
