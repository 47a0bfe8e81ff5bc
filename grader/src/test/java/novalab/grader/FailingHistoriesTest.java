package novalab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every check of every exercise, a history (the reference solution with one mistake) that fails
 * exactly that check, with the check's own message.
 */
class FailingHistoriesTest {
    private static Arguments fails(String exercise, String check, String history) {
        return Arguments.of(exercise, check, history);
    }

    private static String replace(String exercise, String from, String to) {
        String s = Week9.solution(exercise);
        assertThat(s).contains(from);
        return s.replace(from, to);
    }

    private static String drop(String exercise, String... lines) {
        String s = Week9.solution(exercise);
        for (String l : lines) {
            assertThat(s).contains(l + "\n");
            s = s.replace(l + "\n", "");
        }
        return s;
    }

    private static String append(String exercise, String more) { return Week9.solution(exercise) + more + "\n"; }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                fails("01-the-menu", "micro-spec", replace("01-the-menu", "--ram 512", "--ram 256")),
                fails("01-the-menu", "micro-public", replace("01-the-menu", "--public", "--private")),
                fails("01-the-menu", "stock-untouched", append("01-the-menu", "openstack flavor delete m1.tiny")),
                fails("02-keys-and-groups", "keypair", replace("02-keys-and-groups", "openstack keypair create nebula_key > nebula_key.pem",
                        "source admin-openrc.sh\nopenstack keypair create nebula_key > nebula_key.pem\nsource nebula-openrc.sh")),
                fails("02-keys-and-groups", "key-file", drop("02-keys-and-groups", "chmod 600 nebula_key.pem")),
                fails("02-keys-and-groups", "ssh-rule", replace("02-keys-and-groups", "--dst-port 22 ", "--dst-port 2222 ")),
                fails("02-keys-and-groups", "http-rule", replace("02-keys-and-groups", "--dst-port 80 ", "--dst-port 8080 ")),
                fails("03-power-on", "active", append("03-power-on", "openstack server stop nebula_web_01\nsleep 5")),
                fails("03-power-on", "flavor", replace("03-power-on", "--flavor m1.nebula_micro", "--flavor m1.small")),
                fails("03-power-on", "image", replace("03-power-on", "--image cirros", "--image ubuntu-22.04")),
                fails("03-power-on", "key", replace("03-power-on", " --key-name nebula_key", "")),
                fails("03-power-on", "group", replace("03-power-on", " --security-group web", "")),
                fails("04-day-two", "ssh", append("04-day-two", "chmod 644 nebula_key.pem")),
                fails("04-day-two", "console-log", replace("04-day-two", " > console.log", "")),
                fails("04-day-two", "one-address", append("04-day-two", "openstack floating ip create public")),
                fails("05-filters", "gpu", drop("05-filters", "openstack server delete nebula_gpu --wait",
                        "openstack server create --flavor m1.small --image ubuntu-22.04-cuda --network nebula_net nebula_gpu --wait\nopenstack server list --long")
                        + "openstack server list --long\n"),
                fails("05-filters", "arm", drop("05-filters",
                        "openstack server create --flavor m1.small --image ubuntu-22.04-arm64 --network nebula_net nebula_arm --wait")),
                fails("05-filters", "zone", replace("05-filters", "--availability-zone az1", "--availability-zone az2")),
                fails("05-filters", "big-fixed", drop("05-filters", "openstack server delete nebula_big --wait",
                        "openstack server create --flavor m1.large --image cirros --network nebula_net nebula_big --wait")),
                fails("05-filters", "compute3-enabled", append("05-filters", "openstack compute service set --disable compute3 nova-compute")),
                fails("06-stack-vs-spread", "conf-file", append("06-stack-vs-spread",
                        "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier 1.0")),
                fails("06-stack-vs-spread", "conf-loaded", append("06-stack-vs-spread",
                        "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier 1.0\n"
                                + "ssh controller systemctl restart nova-scheduler\n"
                                + "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier -1.0")),
                fails("06-stack-vs-spread", "stacked", drop("06-stack-vs-spread",
                        "openstack server create --flavor m1.small --image cirros --network nebula_net nebula_stack_03 --wait")),
                fails("07-lifecycle", "app-active", append("07-lifecycle", "openstack server stop nebula_app\nsleep 5")),
                fails("07-lifecycle", "app-cycled", drop("07-lifecycle", "openstack server stop nebula_app", "openstack server start nebula_app")),
                fails("07-lifecycle", "cold-offloaded", drop("07-lifecycle", "openstack server shelve nebula_cold")),
                fails("07-lifecycle", "usage-saved", replace("07-lifecycle", " > usage.txt", "")),
                fails("08-rosetta", "aws-server", replace("08-rosetta", "--instance-type t2.micro", "--instance-type t3.micro")),
                fails("08-rosetta", "aws-ssh", replace("08-rosetta", "chmod 400 aws-key.pem", "chmod 644 aws-key.pem")),
                fails("08-rosetta", "az-server", replace("08-rosetta", "--image Ubuntu2204", "--image ubuntu-22.04-secureboot")),
                fails("08-rosetta", "az-ssh", append("08-rosetta",
                        "az network nsg rule create -g rosetta --nsg-name web-azNSG -n deny-ssh --priority 100 --access Deny --protocol Tcp --destination-port-ranges 22 -o none")),
                fails("09-write-a-filter", "filter-right", replace("09-write-a-filter", "return host.gpus() > 0 && host.freeRamMb() >= 2048;",
                        "return host.gpus() > 0;")),
                fails("09-write-a-filter", "filter-loaded", append("09-write-a-filter",
                        "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler enabled_filters ComputeFilter,RamFilter\n"
                                + "ssh controller systemctl restart nova-scheduler")),
                fails("09-write-a-filter", "ml-on-gpu", drop("09-write-a-filter",
                        "openstack server create --flavor m1.small --image cirros --network nebula_net nebula_ml --wait",
                        "openstack server show nebula_ml -c status -c OS-EXT-SRV-ATTR:host")),
                fails("09-write-a-filter", "weigher-right", replace("09-write-a-filter", "return -host.freeVcpus();", "return host.freeVcpus();")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mistakes")
    void the_history_fails_exactly_that_check_with_its_message(String exercise, String check, String history) {
        GradeResult r = Week9.grade(exercise, history);
        List<String> failed = r.tests().stream().filter(t -> !t.passed()).map(t -> t.check().id()).toList();
        assertThat(failed).as(String.join("\n", r.tests().stream().map(t -> t.check().id() + ": " + t.observed()).toList()))
                .containsExactly(check);
        TestResult t = r.tests().stream().filter(x -> x.check().id().equals(check)).findFirst().orElseThrow();
        assertThat(t.studentMessage()).startsWith(t.check().message());
        if (t.check().points() > 0) assertThat(r.score()).isLessThan(1.0);
    }

    @org.junit.jupiter.api.Test
    void every_check_of_every_exercise_has_a_failing_history() {
        List<String> covered = mistakes().map(a -> a.get()[0] + "/" + a.get()[1]).toList();
        List<String> all = Week9.CATALOG.exercises().stream()
                .flatMap(e -> e.checks().stream().map(c -> e.id() + "/" + c.info().id())).toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
    }
}
