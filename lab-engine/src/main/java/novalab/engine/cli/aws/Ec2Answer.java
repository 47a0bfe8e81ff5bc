package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What one EC2 API action answered: on success the response in botocore's parsed shape (the JSON the {@code aws} CLI
 * prints, members in the service model's order; empty for actions that return nothing), on failure EC2's error code,
 * message and the HTTP status EC2 sends with it.
 *
 * @param action the API action name ({@code DescribeInstances}), as requested
 */
public record Ec2Answer(String action, int status, Optional<JsonNode> data, String errorCode, String errorMessage) {
    public boolean ok() { return errorCode.isEmpty(); }

    static Ec2Answer success(String action, Optional<JsonNode> data) { return new Ec2Answer(action, 200, data, "", ""); }

    static Ec2Answer error(String action, int status, String code, String message) {
        return new Ec2Answer(action, status, Optional.empty(), code, message);
    }
}
