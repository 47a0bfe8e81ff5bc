package novalab.engine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An argparse argument group: a titled section of the help with an optional description. */
final class ArgGroup {
    final String title;
    final Optional<String> description;
    final List<Arg> args = new ArrayList<>();

    ArgGroup(String title, Optional<String> description) {
        this.title = title;
        this.description = description;
    }
}
