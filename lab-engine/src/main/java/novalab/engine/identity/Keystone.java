package novalab.engine.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.common.CloudError;
import novalab.engine.common.Ids;
import novalab.engine.common.SimClock;

/**
 * Keystone-lite: domains, projects, users, role assignments and tokens with expiry ([token] expiration
 * = 3600 s). Every service validates the caller's token here before anything else.
 */
public final class Keystone {
    public record Domain(String id, String name) {}

    public record Project(String id, String name, String domainId, String description) {}

    public record User(String id, String name, String domainId, String password, String defaultProjectId) {}

    public record Role(String id, String name) {}

    public record Assignment(String userId, String projectId, String roleId) {}

    /** An issued token: a fernet-looking id scoped to one project. */
    public record Token(String id, String userId, String projectId, List<String> roles, long issuedAtMs, long expiresAtMs,
                        String auditId) {}

    /** An EC2 credential (Keystone's {@code OS-EC2} extension): an access/secret pair bound to a user and a project. */
    public record Ec2Credential(String access, String secret, String userId, String projectId) {}

    public static final long TOKEN_LIFETIME_MS = 3_600_000L;

    private final SimClock clock;
    private final Ids ids;
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final Map<String, Ec2Credential> ec2Credentials = new LinkedHashMap<>();

    public Keystone(SimClock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public Domain addDomain(String id, String name) {
        Domain d = new Domain(id, name);
        domains.put(id, d);
        return d;
    }

    public Project addProject(String name, String domainId, String description) {
        Project p = new Project(ids.hex(32), name, domainId, description);
        projects.put(p.id(), p);
        return p;
    }

    public User addUser(String name, String domainId, String password, String defaultProjectId) {
        User u = new User(ids.hex(32), name, domainId, password, defaultProjectId);
        users.put(u.id(), u);
        return u;
    }

    public Role role(String name) {
        return roles.values().stream().filter(r -> r.name().equals(name)).findFirst().orElseGet(() -> {
            Role r = new Role(ids.hex(32), name);
            roles.put(r.id(), r);
            return r;
        });
    }

    /** {@code openstack role add --project P --user U ROLE}; admin implies member and reader, as Keystone's role inference does. */
    public void grant(String userId, String projectId, String roleName) {
        Assignment a = new Assignment(userId, projectId, role(roleName).id());
        if (!assignments.contains(a)) assignments.add(a);
    }

    public Optional<Domain> domainByName(String name) {
        return domains.values().stream().filter(d -> d.name().equalsIgnoreCase(name) || d.id().equals(name)).findFirst();
    }

    public Optional<Project> project(String id) { return Optional.ofNullable(projects.get(id)); }

    public Optional<Project> projectByName(String name, String domainId) {
        return projects.values().stream().filter(p -> p.name().equals(name) && p.domainId().equals(domainId)).findFirst();
    }

    public Optional<User> user(String id) { return Optional.ofNullable(users.get(id)); }

    public Optional<User> userByName(String name, String domainId) {
        return users.values().stream().filter(u -> u.name().equals(name) && u.domainId().equals(domainId)).findFirst();
    }

    public List<Project> projects() { return List.copyOf(projects.values()); }

    public List<User> users() { return List.copyOf(users.values()); }

    public List<Role> roles() { return List.copyOf(roles.values()); }

    public List<Assignment> assignments() { return List.copyOf(assignments); }

    /** Role names the user holds on the project, with Keystone's implied roles (admin → member → reader). */
    public List<String> rolesOn(String userId, String projectId) {
        List<String> names = new ArrayList<>();
        for (Assignment a : assignments) {
            if (a.userId().equals(userId) && a.projectId().equals(projectId)) names.add(roles.get(a.roleId()).name());
        }
        if (names.contains("admin") && !names.contains("member")) names.add("member");
        if (names.contains("member") && !names.contains("reader")) names.add("reader");
        return names;
    }

    /**
     * Password authentication scoped to a project ({@code POST /v3/auth/tokens}); 401 with Keystone's
     * text for any mismatch, as Keystone never says which part was wrong.
     */
    public Token authenticate(String userName, String userDomain, String password, String projectName, String projectDomain) {
        Domain ud = domainByName(userDomain).orElseThrow(Keystone::unauthorized);
        User u = userByName(userName, ud.id()).orElseThrow(Keystone::unauthorized);
        if (!u.password().equals(password)) throw unauthorized();
        Domain pd = domainByName(projectDomain).orElseThrow(Keystone::unauthorized);
        Project p = projectByName(projectName, pd.id()).orElseThrow(Keystone::unauthorized);
        List<String> r = rolesOn(u.id(), p.id());
        if (r.isEmpty()) throw unauthorized();
        Token t = new Token(fernetId(), u.id(), p.id(), r, clock.nowMs(), clock.nowMs() + TOKEN_LIFETIME_MS, ids.hex(22));
        tokens.put(t.id(), t);
        return t;
    }

    /**
     * Runs {@code call} with a short-lived token for these credentials, as {@link #authenticate} would issue,
     * but without drawing on the id sequence and gone again afterwards (for Tab completion, which must not
     * change the cloud). Empty when the credentials would get a 401.
     */
    public <T> Optional<T> withTransientToken(String userName, String userDomain, String password, String projectName,
                                              String projectDomain, java.util.function.Function<String, T> call) {
        Optional<Domain> ud = domainByName(userDomain);
        Optional<User> u = ud.flatMap(d -> userByName(userName, d.id())).filter(x -> x.password().equals(password));
        Optional<Project> p = domainByName(projectDomain).flatMap(d -> projectByName(projectName, d.id()));
        if (u.isEmpty() || p.isEmpty()) return Optional.empty();
        return lend(u.get().id(), p.get().id(), call);
    }

    /** {@link #withTransientToken} for an EC2 access/secret pair ({@code POST /v3/ec2tokens} without the token staying). */
    public <T> Optional<T> withTransientEc2Token(String access, String secret, java.util.function.Function<String, T> call) {
        Ec2Credential c = ec2Credentials.get(access);
        if (c == null || !c.secret().equals(secret)) return Optional.empty();
        return lend(c.userId(), c.projectId(), call);
    }

    private <T> Optional<T> lend(String userId, String projectId, java.util.function.Function<String, T> call) {
        List<String> r = rolesOn(userId, projectId);
        if (r.isEmpty()) return Optional.empty();
        String id = "transient-" + userId + "-" + projectId;
        Token t = new Token(id, userId, projectId, r, clock.nowMs(), clock.nowMs() + TOKEN_LIFETIME_MS, id);
        Token earlier = tokens.put(id, t);
        try {
            return Optional.ofNullable(call.apply(id));
        } finally {
            if (earlier == null) tokens.remove(id);
            else tokens.put(id, earlier);
        }
    }

    /** {@code POST /v3/credentials} with type ec2: stores an access/secret pair for a user on a project. */
    public Ec2Credential addEc2Credential(String userId, String projectId, String access, String secret) {
        Ec2Credential c = new Ec2Credential(access, secret, userId, projectId);
        ec2Credentials.put(access, c);
        return c;
    }

    /** The stored EC2 credentials, in the order they were added ({@code openstack ec2 credentials list} as an admin sees them). */
    public List<Ec2Credential> ec2Credentials() {
        return List.copyOf(ec2Credentials.values());
    }

    /**
     * {@code POST /v3/ec2tokens}: a project-scoped token for the user behind an EC2 access key, as
     * OpenStack's ec2-api obtained one; an unknown key or a wrong secret is a 401.
     */
    public Token authenticateEc2(String access, String secret) {
        Ec2Credential c = ec2Credentials.get(access);
        if (c == null || !c.secret().equals(secret)) throw unauthorized();
        List<String> r = rolesOn(c.userId(), c.projectId());
        if (r.isEmpty()) throw unauthorized();
        Token t = new Token(fernetId(), c.userId(), c.projectId(), r, clock.nowMs(), clock.nowMs() + TOKEN_LIFETIME_MS, ids.hex(22));
        tokens.put(t.id(), t);
        return t;
    }

    /** Validates a token as keystonemiddleware does: unknown or expired → 401. */
    public RequestContext validate(String tokenId) {
        Token t = tokens.get(tokenId);
        if (t == null || clock.nowMs() >= t.expiresAtMs()) throw unauthorized();
        User u = users.get(t.userId());
        Project p = projects.get(t.projectId());
        return new RequestContext(u.id(), u.name(), p.id(), p.name(), t.roles(), t.id());
    }

    public void revoke(String tokenId) { tokens.remove(tokenId); }

    /** The token record behind an id, if it was issued. */
    public Optional<Token> tokens(String tokenId) { return Optional.ofNullable(tokens.get(tokenId)); }

    private static CloudError unauthorized() {
        return new CloudError(401, "Unauthorized", "The request you have made requires authentication.");
    }

    private String fernetId() {
        byte[] b = new byte[140];
        ids.nextBytes(b);
        return "gAAAAA" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b).substring(0, 177);
    }
}
