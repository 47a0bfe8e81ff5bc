package novalab.engine.cli.az;

/**
 * knack's {@code prompt_y_n}: without {@code --yes} the question is asked on stdout and answered from
 * standard input; with no input (no tty) azure-cli refuses.
 */
final class Confirm {
    private Confirm() {}

    static boolean confirmed(AzContext ctx, AzArgs a) {
        if (a.flag("--yes")) return true;
        String in = ctx.inv().stdin();
        if (in.isEmpty()) throw AzError.of("Unable to prompt for confirmation as no tty available. Use --yes.");
        ctx.inv().out("Are you sure you want to perform this operation? (y/n): ");
        String answer = in.lines().findFirst().orElse("").trim().toLowerCase();
        ctx.inv().out("\n");
        return answer.equals("y") || answer.equals("yes");
    }
}
