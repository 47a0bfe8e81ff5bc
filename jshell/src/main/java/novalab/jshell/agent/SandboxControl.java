package novalab.jshell.agent;

import jdk.jshell.execution.RemoteExecutionControl;

/**
 * JShell's remote execution end with the playground's restrictions: no class-path changes, no extension commands,
 * and result strings cut to {@link #MAX_VALUE_CHARS} before they cross to the lab.
 */
final class SandboxControl extends RemoteExecutionControl {
    static final int MAX_VALUE_CHARS = 20_000;
    private Runnable beforeFirstLoad;

    SandboxControl(Runnable beforeFirstLoad) {
        this.beforeFirstLoad = beforeFirstLoad;
    }

    private void arm() {
        if (beforeFirstLoad != null) {
            Runnable r = beforeFirstLoad;
            beforeFirstLoad = null;
            r.run();
        }
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        arm();
        super.load(cbcs);
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        arm();
        return cut(super.invoke(className, methodName));
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        return cut(super.varValue(className, varName));
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        throw new InternalException("The playground's class path is fixed.");
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException, InternalException {
        throw new NotImplementedException("no extension commands in the playground");
    }

    private static String cut(String s) {
        if (s == null || s.length() <= MAX_VALUE_CHARS) return s;
        return s.substring(0, MAX_VALUE_CHARS) + "... (" + (s.length() - MAX_VALUE_CHARS) + " more characters not shown)";
    }
}
