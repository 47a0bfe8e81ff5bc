package novalab.engine;

import java.util.Optional;

/**
 * The options every console on a new sandbox takes ({@code ./lab shell}, {@code ./lab jshell}):
 * {@code --seed N} and {@code --driver libvirt|fake}. Bad options print the command's usage and exit with 2.
 */
public record ConsoleOptions(long seed, String driver) {
    /**
     * Parses {@code args} for {@code ./lab <command>}; empty after {@code --help} (the usage went to stdout).
     * On a bad option it prints {@code lab <command>: why} and the usage to stderr and exits with status 2.
     */
    public static Optional<ConsoleOptions> parse(String command, String[] args) {
        String usage = "usage: ./lab " + command + " [--seed N] [--driver libvirt|fake]";
        long seed = 9;
        String driver = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> {
                    if (i + 1 >= args.length) fail(command, usage, "--seed needs a number");
                    try {
                        seed = Long.parseLong(args[++i]);
                    } catch (NumberFormatException e) {
                        fail(command, usage, "--seed needs a number, not '" + args[i] + "'");
                    }
                }
                case "--driver" -> {
                    if (i + 1 >= args.length) fail(command, usage, "--driver needs libvirt or fake");
                    driver = args[++i];
                    if (!driver.equals("libvirt") && !driver.equals("fake")) {
                        fail(command, usage, "--driver must be libvirt or fake, not '" + driver + "'");
                    }
                }
                case "-h", "--help" -> {
                    System.out.println(usage);
                    return Optional.empty();
                }
                default -> fail(command, usage, "unknown option '" + args[i] + "'");
            }
        }
        return Optional.of(new ConsoleOptions(seed, driver));
    }

    private static void fail(String command, String usage, String why) {
        System.err.println("lab " + command + ": " + why);
        System.err.println(usage);
        System.exit(2);
    }
}
