package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** One {@code aws ec2} operation: its CLI name, API name, parameters, and what it returns (empty prints nothing). */
interface Ec2Operation {
    String name();

    /** The API operation name, as error messages and table titles print it ({@code DescribeInstances}). */
    String apiName();

    Ec2Request.Spec spec();

    Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req);
}
