package novalab.engine.compute;

import java.util.List;
import java.util.Optional;
import novalab.engine.image.Image;
import novalab.engine.scheduler.RequestSpec;
import novalab.engine.scheduler.Selection;

/**
 * The arguments of {@code build_and_run_instance} (and of unshelve): the instance's identity and
 * everything compute needs to claim, plug and spawn it, plus the alternate hosts for a reschedule.
 */
public record BuildRequestSpec(String uuid, String displayName, String hostname, String instanceName, Flavor flavor,
                               Image image, Optional<String> keyName, Optional<String> publicKey,
                               Optional<String> keyFingerprint, List<String> securityGroupIds, List<String> networkIds,
                               String projectId, String projectName, String userId, String userName,
                               RequestSpec requestSpec, List<Selection> alternates) {
    public BuildRequestSpec {
        securityGroupIds = List.copyOf(securityGroupIds);
        networkIds = List.copyOf(networkIds);
        alternates = List.copyOf(alternates);
    }

    public BuildRequestSpec withInstanceName(String name, List<Selection> alts) {
        return new BuildRequestSpec(uuid, displayName, hostname, name, flavor, image, keyName, publicKey, keyFingerprint,
                securityGroupIds, networkIds, projectId, projectName, userId, userName, requestSpec, alts);
    }
}
