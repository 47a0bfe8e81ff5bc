package novalab.jshell.agent;

import java.net.URL;
import java.security.CodeSource;
import java.security.Permission;
import java.security.Policy;
import java.security.ProtectionDomain;

/**
 * The Java 17–23 layer of the sandbox: a policy that grants everything to the JDK's own modules and to the agent's jar,
 * and nothing at all to snippet classes (no file, socket, exit, process, property, reflection or class-loader
 * permission), plus a manager that also refuses to let snippet code create threads. Newer JDKs have no security
 * manager; there the lab's bytecode guard and the OS limits carry the same guarantees.
 */
@SuppressWarnings("removal")
final class SandboxSecurityManager extends SecurityManager {
    private final ClassLoader app = ClassLoader.getSystemClassLoader();
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    static void installIfSupported() {
        try {
            URL agent = SandboxAgent.class.getProtectionDomain().getCodeSource().getLocation();
            Policy.setPolicy(new SandboxPolicy(agent.toString()));
            System.setSecurityManager(new SandboxSecurityManager());
        } catch (UnsupportedOperationException | SecurityException e) {
            // JDK 24+: no security manager; the bytecode guard and the OS limits remain.
        }
    }

    @Override
    public void checkAccess(ThreadGroup g) {
        for (Class<?> c : getClassContext()) {
            ClassLoader l = c.getClassLoader();
            if (l != null && l != app && l != platform) {
                throw new SecurityException("Snippets cannot start threads in the playground.");
            }
        }
        super.checkAccess(g);
    }

    /** Everything for the JDK and the agent; nothing for code without a trusted code source (the snippets). */
    private static final class SandboxPolicy extends Policy {
        private final String agent;

        SandboxPolicy(String agent) {
            this.agent = agent;
        }

        @Override
        public boolean implies(ProtectionDomain domain, Permission permission) {
            if (domain == null) return true;
            CodeSource cs = domain.getCodeSource();
            if (cs == null || cs.getLocation() == null) return false;
            String where = cs.getLocation().toString();
            return where.startsWith("jrt:/") || where.equals(agent);
        }
    }
}
