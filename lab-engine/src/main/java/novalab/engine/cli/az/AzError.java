package novalab.engine.cli.az;

import java.util.List;

/**
 * A failure as azure-cli prints it: {@code ERROR: <message>} on stderr, then any recommendation lines,
 * with its exit status (1 errors, 2 argument/parse errors, 3 resource not found). ARM service errors
 * carry their code and print the {@code (Code) message / Code: / Message:} block.
 */
final class AzError extends RuntimeException {
    private final int exitStatus;
    private final List<String> recommendations;

    AzError(String message, int exitStatus, List<String> recommendations) {
        super(message);
        this.exitStatus = exitStatus;
        this.recommendations = List.copyOf(recommendations);
    }

    int exitStatus() { return exitStatus; }

    List<String> recommendations() { return recommendations; }

    /** A plain CLI error (exit 1). */
    static AzError of(String message) { return new AzError(message, 1, List.of()); }

    /** An argparse error (exit 2), followed by azure-cli's reference-doc hint. */
    static AzError usage(String message) {
        return new AzError(message, 2, List.of("", "Examples from AI knowledge base:", "https://aka.ms/cli_ref",
                "Read more about the command in reference docs"));
    }

    /** An ARM error response: {@code (Code) Message} with the Code/Message lines; 404s exit 3. */
    static AzError arm(String code, String message, boolean notFound) {
        return new AzError("(" + code + ") " + message + "\nCode: " + code + "\nMessage: " + message, notFound ? 3 : 1, List.of());
    }

    static AzError resourceNotFound(String type, String name, String group) {
        return arm("ResourceNotFound", "The Resource '" + type + "/" + name + "' under resource group '" + group
                + "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix", true);
    }

    static AzError groupNotFound(String group) {
        return arm("ResourceGroupNotFound", "Resource group '" + group + "' could not be found.", true);
    }
}
