package novalab.engine.cli.az;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;

/** One {@code az <group> <command>}: its words, its options, and its action, which returns the result to format (or none). */
interface AzCommand {
    /** The command words, e.g. {@code vm create}. */
    String name();

    /** The command's own options (the global ones are added by {@link AzCli}). */
    AzArgs.Spec spec();

    Optional<JsonNode> run(AzContext ctx, AzArgs a);

    /** azure-cli's table transformer for {@code -o table}, used unless {@code --query} is given. */
    default Optional<Function<JsonNode, JsonNode>> tableTransformer(AzArgs a) { return Optional.empty(); }

    /** Whether the command needs {@code az login} first (ARM commands do; local ones such as {@code vm image list} do not). */
    default boolean needsLogin() { return true; }
}
