package novalab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import novalab.engine.bench.Cookbook;
import novalab.engine.shell.ExecResult;

/** Helpers for scenario tests: run lines through a sandbox's shell and assert they succeed. */
final class Scripts {
    private Scripts() {}

    static ExecResult ok(Sandbox box, String line) {
        ExecResult r = box.run(line);
        assertThat(r.status()).as(line + "\n" + r.output()).isZero();
        return r;
    }

    /** A whole timed history's transcript: prompt, line, output, as ./lab shell prints it. */
    static String transcript(Sandbox box, List<Cookbook.Step> steps) {
        StringBuilder sb = new StringBuilder();
        for (Cookbook.Step s : steps) {
            sb.append(box.shell().prompt()).append(s.line()).append('\n');
            ExecResult r = box.run(s.offsetMs(), s.line());
            sb.append(r.output()).append("[").append(r.status()).append("]\n");
        }
        return sb.toString();
    }
}
