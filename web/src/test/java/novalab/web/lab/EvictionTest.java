package novalab.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import novalab.web.Role;
import novalab.web.account.User;
import novalab.web.account.UserDao;
import novalab.web.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvictionTest {
    @TempDir Path data;

    @Test
    void anIdleSandboxIsDroppedAndItsNextUseRebuildsTheSameCloud() {
        AtomicLong wall = new AtomicLong(1_000_000);
        try (Database db = Database.open(data.resolve("lab.db")); LabSessions labs = new LabSessions(db, "fake", wall::get)) {
            User ada = new UserDao(db).add("ada", Role.STUDENT, "correct horse");
            User bob = new UserDao(db).add("bob", Role.STUDENT, "battery staple");
            labs.run(ada, "source nebula-openrc.sh");
            labs.run(ada, "openstack keypair create k1 > k1.pem");
            String before = labs.run(ada, "openstack keypair list -f value -c Name; ls").output();
            wall.addAndGet(5 * 60_000);
            labs.run(bob, "echo hi");
            assertThat(labs.liveCount()).isEqualTo(2);

            wall.addAndGet(16 * 60_000); // ada idle 21 min, bob 16 min
            assertThat(labs.evictIdle(20 * 60_000L, 100)).isEqualTo(1);
            assertThat(labs.liveCount()).isEqualTo(1);

            assertThat(labs.run(ada, "openstack keypair list -f value -c Name; ls").output()).isEqualTo(before);
            assertThat(labs.liveCount()).isEqualTo(2);
        }
    }

    @Test
    void beyondTheCapTheLeastRecentlyUsedSandboxesGoFirst() {
        AtomicLong wall = new AtomicLong(1_000_000);
        try (Database db = Database.open(data.resolve("lab.db")); LabSessions labs = new LabSessions(db, "fake", wall::get)) {
            UserDao users = new UserDao(db);
            User a = users.add("a", Role.STUDENT, "correct horse 1");
            User b = users.add("b", Role.STUDENT, "correct horse 2");
            User c = users.add("c", Role.STUDENT, "correct horse 3");
            labs.run(a, "echo a");
            wall.addAndGet(1_000);
            labs.run(b, "echo b");
            wall.addAndGet(1_000);
            labs.run(c, "echo c");
            assertThat(labs.evictIdle(60 * 60_000L, 2)).isEqualTo(1);
            assertThat(labs.view(b, "x").history()).hasSize(1);
            assertThat(labs.view(c, "x").history()).hasSize(1);
            assertThat(labs.liveCount()).isEqualTo(2);
            assertThat(labs.view(a, "x").history()).extracting(Command::line).containsExactly("echo a");
        }
    }
}
