package novalab.engine.cli.az;

/**
 * knack's {@code prompt_y_n}: without {@code --yes} the question is asked on stdout and answered from
 * standard input (the lab's terminal model: the answer is echoed as typed); with no input azure-cli's
 * no-tty refusal teaches {@code --yes}.
 */
final class Confirm {
    private Confirm() {}

    static boolean confirmed(AzContext ctx, AzArgs a) {
        if (a.flag("--yes")) return true;
        String in = ctx.inv().stdin();
        if (in.isEmpty()) throw AzError.of("Unable to prompt for confirmation as no tty available. Use --yes.");
        ctx.inv().out("Are you sure you want to perform this operation? (y/n): ");
        String typed = in.lines().findFirst().orElse("");
        ctx.inv().outln(typed);
        String answer = typed.trim().toLowerCase();
        return answer.equals("y") || answer.equals("yes");
    }
}
