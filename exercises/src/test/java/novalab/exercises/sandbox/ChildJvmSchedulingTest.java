package novalab.exercises.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.scheduler.external.ExternalScheduling;
import org.junit.jupiter.api.Test;

/** The fallback runner (no pool): student filters compiled here and run in a child JVM: answers, compile errors, throws, and what the sandbox refuses. */
class ChildJvmSchedulingTest extends StudentClassRunnerContract {
    private static final ChildJvmScheduling RUNNER = new ChildJvmScheduling(6_000);

    @Override
    ExternalScheduling runner() { return RUNNER; }

    @Test
    void hostile_code_is_contained_with_a_clear_message() {
        assertThat(raisedOnFirst("try { return java.nio.file.Files.exists(java.nio.file.Path.of(\"/etc/passwd\")) && java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")).isEmpty(); } catch (java.io.IOException e) { return false; }"))
                .startsWith("java.lang.SecurityException: the sandbox does not allow this: access denied (\"java.io.FilePermission\" \"/etc/passwd\" \"read\")");
        assertThat(raisedOnFirst("System.exit(3); return true;")).contains("the sandbox does not allow this").contains("exitVM.3");
        assertThat(raisedOnFirst("try { new ProcessBuilder(\"ls\").start(); } catch (java.io.IOException e) { } return true;"))
                .contains("the sandbox does not allow this").contains("execute");
        assertThat(raisedOnFirst("try { new java.net.Socket(\"127.0.0.1\", 9); } catch (java.io.IOException e) { } return true;"))
                .contains("the sandbox does not allow this").contains("SocketPermission");
        assertThat(raisedOnFirst("try { var f = Class.forName(\"novalab_sandbox.Runner\").getDeclaredMethods()[0]; f.setAccessible(true); } catch (ReflectiveOperationException e) { } return true;"))
                .contains("the sandbox does not allow this").contains("accessDeclaredMembers");
        assertThat(raisedOnFirst("long[][] a = new long[1000][]; for (int i = 0; i < a.length; i++) a[i] = new long[1_000_000]; return a.length > 0;"))
                .startsWith("java.lang.OutOfMemoryError");
        assertThat(raisedOnFirst("while (true) { if (host == null) break; } return true;"))
                .isEqualTo("F ran out of time (the sandbox stops after 6 s): is there a loop that never ends?");
    }
}
