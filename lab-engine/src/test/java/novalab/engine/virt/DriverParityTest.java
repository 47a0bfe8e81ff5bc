package novalab.engine.virt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import novalab.engine.virt.fake.FakeDriver;
import novalab.engine.virt.libvirt.LibvirtDriver;
import org.junit.jupiter.api.Test;

/** Replays the same calls on LibvirtDriver (real test driver) and FakeDriver and compares all they show. */
class DriverParityTest {

    /** One step of a history: a label and the call. */
    private record Step(String label, Consumer<ComputeDriver> call) {}

    @Test
    void both_drivers_show_the_same_lifecycle_of_guests() {
        List<Step> history = List.of(
                step("spawn web", d -> d.spawn(Specs.instance(1).build())),
                step("spawn db with gpu", d -> d.spawn(Specs.instance(2).named("db-01").pci("gpu", 1).build())),
                step("spawn cirros without network", d -> d.spawn(Specs.instance(3).cirros().vifs().build())),
                step("stop web", d -> d.powerOff("instance-00000001")),
                step("stop web again", d -> d.powerOff("instance-00000001")),
                step("start web", d -> d.powerOn("instance-00000001")),
                step("start running db", d -> d.powerOn("instance-00000002")),
                step("soft reboot db", d -> d.reboot("instance-00000002", false)),
                step("hard reboot cirros", d -> d.reboot("instance-00000003", true)),
                step("stop cirros", d -> d.powerOff("instance-00000003")),
                step("soft reboot stopped cirros", d -> d.reboot("instance-00000003", false)),
                step("reboot unknown", d -> d.reboot("instance-000000ff", false)),
                step("spawn web twice", d -> d.spawn(Specs.instance(1).build())),
                step("spawn gpu hog", d -> d.spawn(Specs.instance(4).pci("gpu", 2).build())),
                step("destroy db", d -> d.destroy("instance-00000002")),
                step("spawn gpu hog after db", d -> d.spawn(Specs.instance(5).pci("gpu", 2).build())),
                step("destroy unknown", d -> d.destroy("instance-000000ee")),
                step("destroy stopped", d -> { d.powerOff("instance-00000005"); d.destroy("instance-00000005"); }),
                step("close", ComputeDriver::close),
                step("list after close", ComputeDriver::listInstances));

        Instant[] now = {Instant.parse("2026-09-14T09:05:00Z")};
        Supplier<Instant> clock = () -> now[0] = now[0].plusSeconds(45);
        List<String> real = replay(new LibvirtDriver(Specs.computeHost("compute-01"), clock), history);
        now[0] = Instant.parse("2026-09-14T09:05:00Z");
        List<String> fake = replay(new FakeDriver(Specs.computeHost("compute-01"), clock), history);

        assertThat(fake).containsExactlyElementsOf(real);
        assertThat(real).filteredOn(line -> !line.startsWith(" ")).containsExactly(
                "spawn web: ok", "spawn db with gpu: ok", "spawn cirros without network: ok", "stop web: ok",
                "stop web again: ok", "start web: ok", "start running db: ok", "soft reboot db: ok",
                "hard reboot cirros: ok", "stop cirros: ok", "soft reboot stopped cirros: ok",
                "reboot unknown: 404 InstanceNotFound VIR_ERR_NO_DOMAIN Instance instance-000000ff could not be found.",
                "spawn web twice: 500 libvirtError VIR_ERR_OPERATION_FAILED operation failed: domain 'instance-00000001' "
                + "already exists with uuid 5a7e1c2b-9f3d-4e8a-b1c6-2d4f6a8b0001",
                "spawn gpu hog: 500 PciDeviceRequestFailed VIR_ERR_OK PCI device request [{'count': 2, 'alias_name': 'gpu'}] failed",
                "destroy db: ok", "spawn gpu hog after db: ok", "destroy unknown: ok", "destroy stopped: ok", "close: ok",
                "list after close: 503 HypervisorUnavailable VIR_ERR_INVALID_CONN Connection to the hypervisor is broken "
                + "on host: compute-01");
        assertThat(real).contains("  instance-00000001 info Optional[InstanceInfo[instanceName=instance-00000001, "
                                  + "state=SHUTDOWN, memoryKib=2097152, vcpus=1]]");
    }

    @Test
    void both_drivers_agree_without_a_clock_and_on_an_arm_host() {
        List<Step> history = List.of(
                step("spawn", d -> d.spawn(Specs.instance(7).build())),
                step("spawn secure boot", d -> d.spawn(Specs.instance(8).property("os_secure_boot", "required").build())),
                step("stop", d -> d.powerOff("instance-00000007")),
                step("start", d -> d.powerOn("instance-00000007")),
                step("reboot", d -> d.reboot("instance-00000008", false)));

        for (HostSpec host : List.of(Specs.armHost("arm-01"), Specs.computeHost("compute-02"))) {
            List<String> real = replay(new LibvirtDriver(host), history);
            List<String> fake = replay(new FakeDriver(host), history);
            assertThat(fake).containsExactlyElementsOf(real);
        }
    }

    private static Step step(String label, Consumer<ComputeDriver> call) {
        return new Step(label, call);
    }

    /** Runs each step and records its outcome and then everything the driver shows. */
    private static List<String> replay(ComputeDriver driver, List<Step> history) {
        List<String> seen = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        try {
            for (Step step : history) {
                try {
                    step.call().accept(driver);
                    seen.add(step.label() + ": ok");
                } catch (HypervisorError e) {
                    seen.add(step.label() + ": " + e.status() + " " + e.code() + " " + e.libvirtCode() + " " + e.getMessage());
                    continue;
                }
                if (step.label().equals("close") || step.label().endsWith("after close")) continue;
                List<String> listed = driver.listInstances();
                names.addAll(listed);
                seen.add("  list " + listed);
                seen.add("  resources " + driver.getAvailableResource());
                for (String name : names) {
                    seen.add("  " + name + " info " + driver.getInfo(name));
                    seen.add("  " + name + " xml " + driver.domainXml(name));
                    seen.add("  " + name + " console " + driver.consoleLog(name));
                }
            }
        } finally {
            driver.close();
        }
        return seen;
    }
}
