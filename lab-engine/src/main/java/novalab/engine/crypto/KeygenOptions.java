package novalab.engine.crypto;

import java.util.List;
import java.util.Optional;

/**
 * ssh-keygen's command line, read the way OpenSSH's bundled getopt reads it: clustered flags
 * ({@code -lf key}, {@code -b2048}), options end at the first operand or {@code --}.
 */
record KeygenOptions(boolean quiet, boolean fingerprint, boolean printPublic, boolean verbose,
                     Optional<String> type, Optional<String> bits, Optional<String> file,
                     Optional<String> passphrase, Optional<String> comment, Optional<String> hash,
                     Optional<String> format) {

    /** Every option letter OpenSSH 9.2's ssh-keygen knows; those after ':' take an argument. */
    private static final String REAL_FLAGS = "ABHKLQUXceghiklopquvy";
    private static final String REAL_WITH_ARGUMENT = "bCDEFIMNOPRVYZafgjmnrstwz";
    /** The subset this lab implements ({@code -a} is accepted and ignored: it only matters with a passphrase). */
    private static final String SUPPORTED = "qlyvbCENfmta";

    static KeygenOptions parse(List<String> args) {
        Builder b = new Builder();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-") || arg.length() == 1) break;
            i++;
            for (int k = 1; k < arg.length(); k++) {
                char opt = arg.charAt(k);
                boolean takesArgument = REAL_WITH_ARGUMENT.indexOf(opt) >= 0;
                if (!takesArgument && REAL_FLAGS.indexOf(opt) < 0) throw KeygenFailure.usage("unknown option -- " + opt);
                if (SUPPORTED.indexOf(opt) < 0) {
                    throw KeygenFailure.exit(1, "ssh-keygen: option -" + opt + " is not supported in this lab");
                }
                if (!takesArgument) {
                    b.flag(opt);
                    continue;
                }
                String value;
                if (k + 1 < arg.length()) {
                    value = arg.substring(k + 1);
                } else if (i < args.size()) {
                    value = args.get(i++);
                } else {
                    throw KeygenFailure.usage("option requires an argument -- " + opt);
                }
                b.value(opt, value);
                break;
            }
        }
        if (i < args.size()) throw KeygenFailure.usage("Too many arguments.");
        return b.build();
    }

    private static final class Builder {
        boolean quiet, fingerprint, printPublic, verbose;
        String type, bits, file, passphrase, comment, hash, format;

        void flag(char opt) {
            switch (opt) {
                case 'q' -> quiet = true;
                case 'l' -> fingerprint = true;
                case 'y' -> printPublic = true;
                case 'v' -> verbose = true;
                default -> throw new IllegalStateException("flag -" + opt);
            }
        }

        void value(char opt, String value) {
            switch (opt) {
                case 't' -> type = value;
                case 'b' -> bits = value;
                case 'f' -> file = value;
                case 'N' -> passphrase = value;
                case 'C' -> comment = value;
                case 'E' -> hash = value;
                case 'm' -> format = value;
                case 'a' -> { /* KDF rounds: nothing to derive without a passphrase */ }
                default -> throw new IllegalStateException("option -" + opt);
            }
        }

        KeygenOptions build() {
            return new KeygenOptions(quiet, fingerprint, printPublic, verbose, Optional.ofNullable(type),
                    Optional.ofNullable(bits), Optional.ofNullable(file), Optional.ofNullable(passphrase),
                    Optional.ofNullable(comment), Optional.ofNullable(hash), Optional.ofNullable(format));
        }
    }
}
