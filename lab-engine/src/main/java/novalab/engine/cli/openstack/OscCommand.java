package novalab.engine.cli.openstack;

import novalab.engine.cli.ArgParser;
import novalab.engine.cli.ParseResult;

/**
 * One {@code openstack <object> <action>} command, as python-openstackclient 6.0 defines it: its
 * argparse parser (for usage errors and {@code --help}) and what it does with parsed arguments.
 */
abstract class OscCommand {
    /** The command words, e.g. {@code server create}. */
    abstract String name();

    /** One-line description (argparse's description and {@code openstack help}). */
    abstract String description();

    /** Declares the command's arguments on a fresh parser. */
    abstract void arguments(ArgParser p);

    /** Whether the command prints a list (cliff Lister), a record (ShowOne), or neither. */
    Kind kind() { return Kind.SHOW; }

    /** Runs the command; returns the exit status. Errors are thrown as CloudError or OscError and rendered once by the CLI. */
    abstract int execute(OscContext ctx, ParseResult args);

    enum Kind { LIST, SHOW, PLAIN }

    private volatile ArgParser parser;

    /** The command's parser, built once (parsing keeps its state in a per-call run). */
    final ArgParser parser() {
        if (parser == null) parser = buildParser();
        return parser;
    }

    private ArgParser buildParser() {
        ArgParser p = ArgParser.of("openstack " + name(), description());
        if (kind() == Kind.LIST) p.withListFormatOptions();
        if (kind() == Kind.SHOW) p.withShowFormatOptions();
        arguments(p);
        return p;
    }
}
