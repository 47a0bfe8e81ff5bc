package novalab.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/** Turns JShell's snippet events into the lines the {@code jshell} tool prints ({@code $1 ==> 3}, {@code |  created ...}). */
final class Render {
    private Render() {}

    static SnippetResult.Kind kind(List<SnippetEvent> events) {
        for (SnippetEvent e : events) if (e.causeSnippet() == null) return kind(e.snippet());
        return SnippetResult.Kind.ERRONEOUS;
    }

    static SnippetResult.Kind kind(Snippet s) {
        return switch (s.kind()) {
            case IMPORT -> SnippetResult.Kind.IMPORT;
            case TYPE_DECL -> SnippetResult.Kind.CLASS;
            case METHOD -> SnippetResult.Kind.METHOD;
            case VAR -> s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND ? SnippetResult.Kind.EXPRESSION : SnippetResult.Kind.VARIABLE;
            case EXPRESSION -> SnippetResult.Kind.EXPRESSION;
            case STATEMENT -> SnippetResult.Kind.STATEMENT;
            case ERRONEOUS -> SnippetResult.Kind.ERRONEOUS;
        };
    }

    static SnippetResult.Entry entry(JShell shell, String source, List<SnippetEvent> events, String output) {
        SnippetEvent main = null;
        for (SnippetEvent e : events) if (e.causeSnippet() == null) main = e;
        if (main == null) {
            return new SnippetResult.Entry(source, SnippetResult.Kind.ERRONEOUS, Optional.empty(), Optional.empty(), output, "");
        }
        Snippet s = main.snippet();
        SnippetResult.Kind kind = kind(s);
        List<String> lines = new ArrayList<>();
        Optional<String> value = Optional.empty();
        Optional<String> exception = Optional.empty();
        if (main.status() == Snippet.Status.REJECTED) {
            List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).toList();
            for (Diag d : diags) {
                lines.add("|  Error:");
                for (String m : d.getMessage(null).split("\n")) {
                    if (!m.strip().equals("location: class")) lines.add("|  " + m); // the hidden wrapper class has no name to show
                }
                lines.addAll(pointer(s.source(), d));
            }
            if (diags.isEmpty()) lines.add("|  Error: this snippet could not be compiled.");
            kind = SnippetResult.Kind.ERRONEOUS;
        } else if (main.exception() != null) {
            exception = Optional.of(describe(main.exception()));
            lines.addAll(exceptionLines(main.exception()));
        } else {
            if (main.value() != null && (s instanceof VarSnippet || s instanceof ExpressionSnippet)) value = Optional.of(main.value());
            String unresolved = s instanceof jdk.jshell.DeclarationSnippet d
                    ? shell.unresolvedDependencies(d).collect(Collectors.joining(", ")) : "";
            String however = unresolved.isEmpty() ? "" : ", however, it cannot be used until " + unresolved + " is declared";
            String verb = main.previousStatus() == Snippet.Status.NONEXISTENT ? "created" : "modified";
            if (s instanceof VarSnippet v) {
                if (value.isPresent()) lines.add(v.name() + " ==> " + value.get());
                else if (!however.isEmpty()) lines.add("|  " + verb + " variable " + v.name() + however);
            } else if (s instanceof ExpressionSnippet x) {
                value.ifPresent(val -> lines.add(x.name() + " ==> " + val));
            } else if (s instanceof MethodSnippet m) {
                lines.add("|  " + verb + " method " + m.name() + "(" + m.parameterTypes() + ")" + however);
            } else if (s instanceof TypeDeclSnippet t) {
                String what = switch (t.subKind()) {
                    case INTERFACE_SUBKIND -> "interface";
                    case ENUM_SUBKIND -> "enum";
                    case ANNOTATION_TYPE_SUBKIND -> "annotation interface";
                    case RECORD_SUBKIND -> "record";
                    default -> "class";
                };
                lines.add("|  " + verb + " " + what + " " + t.name() + however);
            }
        }
        return new SnippetResult.Entry(source, kind, value, exception, output, String.join("\n", lines));
    }

    private static List<String> pointer(String src, Diag d) {
        if (d.getStartPosition() < 0 || d.getEndPosition() < 0 || d.getStartPosition() > src.length()) return List.of();
        int lineStart = src.lastIndexOf('\n', (int) Math.max(0, d.getStartPosition() - 1)) + 1;
        int lineEnd = src.indexOf('\n', (int) d.getStartPosition());
        if (lineEnd < 0) lineEnd = src.length();
        String line = src.substring(lineStart, lineEnd);
        int from = (int) d.getStartPosition() - lineStart;
        int to = (int) Math.min(d.getEndPosition(), lineEnd) - lineStart;
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < from; i++) caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        caret.append('^');
        for (int i = from + 1; i < to - 1; i++) caret.append('-');
        if (to - from > 1) caret.append('^');
        return List.of("|  " + line, "|  " + caret);
    }

    static String describe(JShellException x) {
        if (x instanceof EvalException e) {
            return e.getExceptionClassName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (x instanceof UnresolvedReferenceException u) {
            return "unresolved reference: " + u.getSnippet().toString();
        }
        return String.valueOf(x.getMessage());
    }

    private static List<String> exceptionLines(JShellException x) {
        List<String> lines = new ArrayList<>();
        if (x instanceof UnresolvedReferenceException u) {
            lines.add("|  attempted to use a declaration that cannot be used until its missing parts are declared: "
                    + u.getSnippet().source().strip().lines().findFirst().orElse(""));
            return lines;
        }
        lines.add("|  Exception " + describe(x));
        int shown = 0;
        for (StackTraceElement el : x.getStackTrace()) {
            if (shown++ == 12) {
                lines.add("|        ...");
                break;
            }
            String file = el.getFileName() == null ? "" : el.getFileName();
            String where = file.startsWith("#") ? "(" + file + ":" + el.getLineNumber() + ")"
                    : el.getClassName() + "." + el.getMethodName() + " (" + file + (el.getLineNumber() > 0 ? ":" + el.getLineNumber() : "") + ")";
            if (file.startsWith("#") && !el.getMethodName().isEmpty() && !el.getMethodName().startsWith("do_it$")) {
                where = el.getMethodName() + " " + where;
            }
            lines.add("|        at " + where);
        }
        if (x.getCause() instanceof JShellException c) lines.add("|  Caused by: " + describe(c));
        return lines;
    }
}
