package novalab.exercises.checks;

import java.util.Optional;
import novalab.engine.shell.VirtualFs;

/** {@code file}: a file on the workstation (relative to the student's home) exists, with this octal mode and text where stated. */
public record WorkstationFile(CheckInfo info, String path, Optional<String> mode, Optional<String> contains) implements Check {
    static WorkstationFile parse(CheckInfo info, Fields f) {
        Optional<String> mode = f.optStr("mode");
        if (mode.isPresent() && !mode.get().matches("[0-7]{3,4}")) throw f.error("mode", "expected an octal mode such as \"600\"");
        return new WorkstationFile(info, f.str("path"), mode, f.optStr("contains"));
    }

    @Override
    public Observation evaluate(Probe probe) {
        var ws = probe.cloud().workstation();
        String abs = VirtualFs.resolve(ws.home(), ws.home(), path);
        Optional<VirtualFs.FileEntry> e = ws.fs().file(abs);
        if (e.isEmpty()) return Observation.fail("~/" + path + ": no such file");
        String m = String.format("%03o", e.get().mode());
        boolean has = contains.map(c -> e.get().content().contains(c)).orElse(true);
        boolean ok = mode.map(x -> Integer.parseInt(x, 8) == e.get().mode()).orElse(true) && has;
        return Observation.of(ok, "~/" + path + ": mode " + m + (contains.isPresent() ? (has ? ", has " : ", lacks ") + "\"" + contains.get() + "\"" : ""));
    }
}
