package novalab.engine.identity;

import java.util.List;

/** Simulates nova.context.RequestContext: who is calling, for which project, with which roles. */
public record RequestContext(String userId, String userName, String projectId, String projectName, List<String> roles,
                             String tokenId) {
    public RequestContext {
        roles = List.copyOf(roles);
    }

    /** Nova's default policy treats the {@code admin} role as admin in any project. */
    public boolean isAdmin() { return roles.contains("admin"); }
}
