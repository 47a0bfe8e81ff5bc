package novalab.jshell;

/**
 * How the pool runs its sandbox JVMs.
 *
 * @param maxJvms        sandbox JVMs alive at once (sessions plus warm spares); at least 1
 * @param warmSpares     JVMs kept started and unowned so a new student does not wait for a JVM to boot (0 or 1)
 * @param heapMb         {@code -Xmx} of each sandbox JVM
 * @param wallMs         wall-clock limit per snippet (time spent answering SDK requests does not count)
 * @param cpuMs          CPU-time limit per snippet (all threads of the sandbox JVM)
 * @param jvmCpuSeconds  CPU seconds a sandbox JVM may use in its whole life ({@code prlimit --cpu}); then it is restarted
 * @param idleEvictMs    a session unused this long is closed (its declarations are kept and restored on next use)
 * @param queueWaitMs    how long a snippet may wait for a free JVM before the student is told the playground is busy
 * @param maxOutputChars output (stdout+stderr) kept per evaluation; a snippet printing 16 times more is stopped
 * @param bytecodeGuard  refuse snippets whose classes reference APIs outside the allow-list (off only in tests of the other layers)
 * @param securityManager install the security manager in sandbox JVMs where the JDK has one (off only in tests)
 * @param osLimits       wrap the JVM in {@code prlimit} and a network namespace ({@code unshare -rn}) where available
 */
public record PoolConfig(int maxJvms, int warmSpares, int heapMb, long wallMs, long cpuMs, long jvmCpuSeconds, long idleEvictMs,
                         long queueWaitMs, int maxOutputChars, boolean bytecodeGuard, boolean securityManager, boolean osLimits) {
    public PoolConfig {
        if (maxJvms < 1) throw new IllegalArgumentException("maxJvms must be at least 1");
        if (warmSpares < 0 || warmSpares >= maxJvms + 1) throw new IllegalArgumentException("warmSpares must be 0 or 1 and below maxJvms");
    }

    /** 3 JVMs of 96 MB (2 sessions and a warm spare on a 2-core machine), 5 s wall / 4 s CPU per snippet. */
    public static PoolConfig defaults() {
        return new PoolConfig(3, 1, 96, 5_000, 4_000, 600, 15 * 60_000, 30_000, 64_000, true, true, true);
    }

    public PoolConfig withMaxJvms(int n) {
        return new PoolConfig(n, Math.min(warmSpares, n - 1), heapMb, wallMs, cpuMs, jvmCpuSeconds, idleEvictMs, queueWaitMs, maxOutputChars,
                bytecodeGuard, securityManager, osLimits);
    }

    public PoolConfig withLimits(long wallMs, long cpuMs) {
        return new PoolConfig(maxJvms, warmSpares, heapMb, wallMs, cpuMs, jvmCpuSeconds, idleEvictMs, queueWaitMs, maxOutputChars,
                bytecodeGuard, securityManager, osLimits);
    }

    public PoolConfig withIdleEvictMs(long ms) {
        return new PoolConfig(maxJvms, warmSpares, heapMb, wallMs, cpuMs, jvmCpuSeconds, ms, queueWaitMs, maxOutputChars,
                bytecodeGuard, securityManager, osLimits);
    }

    /** Only for tests that check one layer alone. */
    public PoolConfig withLayers(boolean bytecodeGuard, boolean securityManager, boolean osLimits) {
        return new PoolConfig(maxJvms, warmSpares, heapMb, wallMs, cpuMs, jvmCpuSeconds, idleEvictMs, queueWaitMs, maxOutputChars,
                bytecodeGuard, securityManager, osLimits);
    }
}
