package novalab.web.drill;

import java.util.regex.Pattern;

/** The three dialects of the Rosetta stone, each with the program that speaks it. */
public enum Dialect {
    OPENSTACK("openstack", "openstack", "OpenStack (openstack)"),
    AWS("aws", "aws", "AWS (aws ec2)"),
    AZ("az", "az", "Azure (az)");

    private final String json;
    private final String program;
    private final String label;
    private final Pattern invoked;

    Dialect(String json, String program, String label) {
        this.json = json;
        this.program = program;
        this.label = label;
        // the program as a command word: at the start, after a pipe, ;, &&, ||, ( or $(
        this.invoked = Pattern.compile("(^|[;&|(]\\s*|\\$\\(\\s*)" + program + "(\\s|$)");
    }

    public String program() { return program; }

    public String label() { return label; }

    /** Whether {@code line} runs this dialect's program. */
    public boolean usedIn(String line) {
        return invoked.matcher(line.strip()).find();
    }

    public static java.util.Optional<Dialect> of(String json) {
        for (Dialect d : values()) if (d.json.equals(json)) return java.util.Optional.of(d);
        return java.util.Optional.empty();
    }

    @Override
    public String toString() { return json; }
}
