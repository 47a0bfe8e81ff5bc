package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Throws thousands of generated and mutated command lines at the shell: whatever the student types,
 * execute() returns, nothing Java leaks into the terminal, and a failing simple command says so in $?.
 */
class ShellFuzzTest {
    private static final List<String> KNOWN = List.of("echo", "ls", "cat", "grep", "head", "tail", "wc", "cut", "sort",
            "uniq", "tr", "sed", "awk", "seq", "chmod", "rm", "mkdir", "touch", "cp", "mv", "tee", "cd", "pwd", "export",
            "unset", "source", ".", "printf", "test", "[", "read", "eval", "type", "which", "history", "help", "date",
            "sleep", "env", "printenv", "xargs", "greet", "fail", "thrower", "mixed", "stdin-upper", "true", "false",
            "for", "if", "while", "do", "done", "then", "fi", "exit", "bash", "hostname", "whoami", "clear", "basename",
            "case", "esac", "alias", "ll", "[[", "((", "function", "rmdir", "dirname", "uniq", "set", "declare");
    private static final List<String> PIECES = List.of(" ", " ", " ", "'", "\"", "$", "$(", "(", ")", ";", "|", "||",
            "&&", "&", ">", ">>", "<", "<<", "2>", "2>&1", "&>", "\\", "`", "{", "}", "[", "]", "*", "?", "~", "#", "=",
            "!", "\n", "\t", "${", "$((", "))", "-", "--", "-l", "-n", "-zq", "--bogus", "x", "f.txt", "/", "..", "é",
            "日本", "🙂", "\u0000", "%s", "%d", "\\n", "$?", "$HOME", "$1", "$@", "a=b", "i", "in", "1", "0", "-1", "999999999999",
            "done", "fi", "esac", "then", "else", "]]", "[[", "((", "0777", "u+x", "s/a/b/g", "{print $1}", "NR>1", "/dev/null");

    private static final String[] SETUP = {"echo hello > f.txt", "mkdir -p d/e", "printf 'a b\\nc d\\n' > t.txt"};

    @Property(tries = 8000)
    void any_line_returns_normally_and_speaks_bash(@ForAll("lines") String line) {
        Terminal t = new Terminal();
        for (String s : SETUP) t.run(s);

        ExecResult r = t.run(line);

        assertThat(r.output()).doesNotContain("Exception").doesNotContain("at novalab.").doesNotContain("java.");
        assertThat(r.stderr()).doesNotContain("bash: internal error");
        if (isSimple(line) && !r.stderr().isEmpty()) {
            assertThat(r.status()).as("status of %s (stderr %s)", line, r.stderr()).isNotZero();
        }
        assertThat(t.shell.isComplete(line)).isIn(true, false);
        assertThat(t.shell.complete(line)).isNotNull();
        assertThat(t.shell.prompt()).isNotEmpty();
    }

    @Property(tries = 4000)
    void mutated_realistic_lines_never_break_the_shell(@ForAll("mutated") String line) {
        Terminal t = new Terminal();
        for (String s : SETUP) t.run(s);

        ExecResult r = t.run(line);
        ExecResult after = t.run("echo still-alive");

        assertThat(r.output()).doesNotContain("Exception").doesNotContain("at novalab.").doesNotContain("java.");
        assertThat(r.stderr()).doesNotContain("bash: internal error");
        assertThat(after.stdout()).isIn("still-alive\n", "");
    }

    /** One command, no control operators, substitutions or here-documents: its stderr means failure. */
    private static boolean isSimple(String line) {
        for (String op : List.of(";", "|", "&", "\n", "$(", "`", "<<", "!", "(", "{", "exit", "for", "if", "while",
                "until", "read", "eval", "source", ".", "bash", "xargs", "env", "#", "\\", "mixed")) {
            if (line.contains(op)) return false;
        }
        return !line.isBlank();
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.of(KNOWN),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(6).withCharRange('a', 'z'),
                Arbitraries.strings().ofMinLength(200).ofMaxLength(2000).withChars('a', 'b', ' ', '"', '$', '('),
                Arbitraries.strings().ofMaxLength(4).all());
        Arbitrary<String> body = piece.list().ofMinSize(0).ofMaxSize(14).map(l -> String.join("", l));
        return Combinators.combine(Arbitraries.of(KNOWN), Arbitraries.of(" ", ""), body).as((a, b, c) -> a + b + c);
    }

    private static final List<String> REALISTIC = List.of(
            "echo \"hello $USER\" | tr a-z A-Z > out.txt && cat out.txt",
            "for i in $(seq 1 3); do echo $i; done | sort -r",
            "if [ -f f.txt ]; then cat f.txt; else echo none; fi",
            "grep -n hello f.txt || echo missing",
            "cat t.txt | awk '{print $2}' | sort | uniq -c",
            "export OS_CLOUD=demo; env | grep OS_",
            "ls -la d > list.txt 2>&1; wc -l list.txt",
            "x=$(( 3 * 4 )); echo ${x:-none} ${#x}",
            "sed -n 's/a/b/p' t.txt | head -1",
            "while read a b; do echo $b$a; done < t.txt",
            "cat <<EOF\nline $HOME\nEOF",
            "case x in x) echo y;; esac",
            "f() { echo in-f $1; }; f arg",
            "[[ $USER == stu* ]] && echo match",
            "chmod 600 f.txt && ls -l f.txt | cut -c1-10");

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = Arbitraries.of(REALISTIC);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 200);
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().ofMaxLength(3).all());
        Arbitrary<Integer> deleteLen = Arbitraries.integers().between(0, 5);
        Arbitrary<String> once = Combinators.combine(base, position, insert, deleteLen).as((b, p, ins, del) -> {
            int at = Math.min(p, b.length());
            int end = Math.min(b.length(), at + del);
            return b.substring(0, at) + ins + b.substring(end);
        });
        return Combinators.combine(once, position, insert).as((b, p, ins) -> {
            int at = Math.min(p, b.length());
            return b.substring(0, at) + ins + b.substring(at);
        });
    }
}
