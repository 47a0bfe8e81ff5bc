package novalab.engine.virt.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import novalab.engine.virt.HostSpec;
import novalab.engine.virt.InstanceSpec;
import novalab.engine.virt.Specs;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class GuestConfigTest {
    private final HostSpec host = Specs.computeHost("compute-01");

    @Test
    void writes_an_m1_small_guest_exactly_as_nova_does() {
        // given instance-00000001: m1.small (2048 MB, 1 vCPU, 20 GB), Ubuntu image, one OVS hybrid port
        InstanceSpec spec = Specs.instance(1).build();

        // when / then: the text of nova.md section 5, element for element
        assertThat(GuestConfig.of(spec, host).toXml()).isEqualTo("""
                <domain type="kvm">
                  <uuid>5a7e1c2b-9f3d-4e8a-b1c6-2d4f6a8b0001</uuid>
                  <name>instance-00000001</name>
                  <memory>2097152</memory>
                  <vcpu>1</vcpu>
                  <metadata>
                    <nova:instance xmlns:nova="http://openstack.org/xmlns/libvirt/nova/1.1">
                      <nova:package version="26.0.0"/>
                      <nova:name>nebula-web-01</nova:name>
                      <nova:creationTime>2026-09-14 09:00:05</nova:creationTime>
                      <nova:flavor name="m1.small">
                        <nova:memory>2048</nova:memory>
                        <nova:disk>20</nova:disk>
                        <nova:swap>0</nova:swap>
                        <nova:ephemeral>0</nova:ephemeral>
                        <nova:vcpus>1</nova:vcpus>
                      </nova:flavor>
                      <nova:owner>
                        <nova:user uuid="8d3c5e1f2a4b4c6d8e0f1a2b3c4d5e6f">alice</nova:user>
                        <nova:project uuid="4f1e2d3c5b6a47988a9b0c1d2e3f4a5b">demo</nova:project>
                      </nova:owner>
                      <nova:root type="image" uuid="b9e6c3a1-5d2f-4e8b-9c7a-1f3e5d7b9a2c"/>
                      <nova:ports>
                        <nova:port uuid="0a1b2c3d-4e5f-6789-abcd-ef0123456789">
                          <nova:ip type="fixed" address="10.0.0.12" ipVersion="4"/>
                        </nova:port>
                      </nova:ports>
                    </nova:instance>
                  </metadata>
                  <sysinfo type="smbios">
                    <system>
                      <entry name="manufacturer">OpenStack Foundation</entry>
                      <entry name="product">OpenStack Nova</entry>
                      <entry name="version">26.0.0</entry>
                      <entry name="serial">5a7e1c2b-9f3d-4e8a-b1c6-2d4f6a8b0001</entry>
                      <entry name="uuid">5a7e1c2b-9f3d-4e8a-b1c6-2d4f6a8b0001</entry>
                      <entry name="family">Virtual Machine</entry>
                    </system>
                  </sysinfo>
                  <os>
                    <type arch="x86_64" machine="pc">hvm</type>
                    <boot dev="hd"/>
                    <smbios mode="sysinfo"/>
                  </os>
                  <features>
                    <acpi/>
                    <apic/>
                    <vmcoreinfo/>
                  </features>
                  <clock offset="utc">
                    <timer name="pit" tickpolicy="delay"/>
                    <timer name="rtc" tickpolicy="catchup"/>
                    <timer name="hpet" present="no"/>
                  </clock>
                  <cpu mode="host-model" match="exact">
                    <topology sockets="1" cores="1" threads="1"/>
                  </cpu>
                  <devices>
                    <disk type="file" device="disk">
                      <driver name="qemu" type="qcow2" cache="none"/>
                      <source file="/var/lib/nova/instances/5a7e1c2b-9f3d-4e8a-b1c6-2d4f6a8b0001/disk"/>
                      <target dev="vda" bus="virtio"/>
                    </disk>
                    <interface type="bridge">
                      <mac address="fa:16:3e:5d:c7:9e"/>
                      <model type="virtio"/>
                      <source bridge="qbr0a1b2c3d-4e"/>
                      <mtu size="1450"/>
                      <target dev="tap0a1b2c3d-4e"/>
                    </interface>
                    <serial type="pty">
                      <log file="/var/lib/nova/instances/5a7e1c2b-9f3d-4e8a-b1c6-2d4f6a8b0001/console.log" append="off"/>
                    </serial>
                    <input type="tablet" bus="usb"/>
                    <graphics type="vnc" autoport="yes" listen="127.0.0.1"/>
                    <video>
                      <model type="virtio"/>
                    </video>
                    <controller type="usb" index="0"/>
                    <memballoon model="virtio">
                      <stats period="10"/>
                    </memballoon>
                  </devices>
                </domain>
                """);
    }

    @Test
    void orders_the_top_level_elements_and_devices_as_format_dom_does() throws Exception {
        Document doc = parse(GuestConfig.of(Specs.instance(2).build(), host).toXml());

        assertThat(childNames(doc.getDocumentElement())).containsExactly(
                "uuid", "name", "memory", "vcpu", "metadata", "sysinfo", "os", "features", "clock", "cpu", "devices");
        assertThat(childNames(first(doc.getDocumentElement(), "devices"))).containsExactly(
                "disk", "interface", "serial", "input", "graphics", "video", "controller", "memballoon");
    }

    @Test
    void gives_memory_in_kib_and_one_socket_per_vcpu() throws Exception {
        InstanceSpec spec = Specs.instance(3).flavor("m1.tiny", 512, 4, 1).build();

        Element domain = parse(GuestConfig.of(spec, host).toXml()).getDocumentElement();

        assertThat(first(domain, "memory").getTextContent()).isEqualTo("524288");
        assertThat(first(domain, "vcpu").getTextContent()).isEqualTo("4");
        assertThat(first(first(domain, "cpu"), "topology").getAttribute("sockets")).isEqualTo("4");
    }

    @Test
    void names_tap_and_bridge_after_the_first_eleven_characters_of_the_port_id() {
        assertThat(GuestConfig.tapName("0a1b2c3d-4e5f-6789-abcd-ef0123456789")).isEqualTo("tap0a1b2c3d-4e").hasSize(14);
        assertThat(GuestConfig.bridgeName("0a1b2c3d-4e5f-6789-abcd-ef0123456789")).isEqualTo("qbr0a1b2c3d-4e");
    }

    @Test
    void writes_one_interface_per_port_in_port_order() {
        InstanceSpec spec = Specs.instance(4).vifs(
                Specs.vif("11111111-aaaa-bbbb-cccc-000000000001", "fa:16:3e:00:00:01", "10.0.0.21"),
                Specs.vif("22222222-aaaa-bbbb-cccc-000000000002", "fa:16:3e:00:00:02", "10.0.0.22")).build();

        String xml = GuestConfig.of(spec, host).toXml();

        assertThat(xml).containsSubsequence("<target dev=\"tap11111111-aa\"/>", "<target dev=\"tap22222222-aa\"/>");
        assertThat(xml).containsSubsequence("<nova:port uuid=\"11111111-aaaa-bbbb-cccc-000000000001\">",
                "<nova:ip type=\"fixed\" address=\"10.0.0.21\" ipVersion=\"4\"/>",
                "<nova:port uuid=\"22222222-aaaa-bbbb-cccc-000000000002\">");
    }

    @Test
    void adds_ephemeral_and_swap_disks_after_the_root_disk() {
        String xml = GuestConfig.of(Specs.instance(5).ephemeral(10, 1024).build(), host).toXml();

        assertThat(xml).containsSubsequence("/disk\"/>", "<target dev=\"vda\"", "/disk.eph0\"/>",
                "<target dev=\"vdb\"", "/disk.swap\"/>", "<target dev=\"vdc\"");
    }

    @Test
    void boots_aarch64_guests_with_uefi_on_the_virt_machine_and_host_passthrough() {
        String xml = GuestConfig.of(Specs.instance(6).build(), Specs.armHost("arm-01")).toXml();

        assertThat(xml).contains("""
                  <os>
                    <type arch="aarch64" machine="virt">hvm</type>
                    <loader type="pflash" readonly="yes">/usr/share/AAVMF/AAVMF_CODE.fd</loader>
                    <nvram template="/usr/share/AAVMF/AAVMF_VARS.fd"/>
                    <boot dev="hd"/>
                """);
        assertThat(xml).contains("<cpu mode=\"host-passthrough\">").doesNotContain("hpet");
    }

    @Test
    void gives_a_secure_boot_image_the_secure_loader_on_q35_with_smm() {
        InstanceSpec spec = Specs.instance(7).property("os_secure_boot", "required").build();

        String xml = GuestConfig.of(spec, host).toXml();

        assertThat(xml).contains("<type arch=\"x86_64\" machine=\"q35\">hvm</type>",
                "<loader type=\"pflash\" readonly=\"yes\" secure=\"yes\">/usr/share/OVMF/OVMF_CODE_4M.secboot.fd</loader>",
                "<nvram template=\"/usr/share/OVMF/OVMF_VARS_4M.ms.fd\"/>", "<smm/>");
    }

    @Test
    void adds_a_hostdev_per_assigned_pci_device_before_the_memballoon() {
        InstanceSpec spec = Specs.instance(8).pci("gpu", 2).build();
        List<PciAddress> gpus = new PciDevices(host).claim(spec);

        String xml = GuestConfig.of(spec, host, gpus).toXml();

        assertThat(xml).containsSubsequence("<controller type=\"usb\" index=\"0\"/>",
                "<hostdev mode=\"subsystem\" type=\"pci\" managed=\"yes\">",
                "<address domain=\"0x0000\" bus=\"0x81\" slot=\"0x00\" function=\"0x0\"/>",
                "<address domain=\"0x0000\" bus=\"0x82\" slot=\"0x00\" function=\"0x0\"/>", "<memballoon");
    }

    @Test
    void escapes_what_a_user_may_type_in_a_display_name() {
        String xml = GuestConfig.of(Specs.instance(9).named("web & \"db\" <1>").build(), host).toXml();

        assertThat(xml).contains("<nova:name>web &amp; \"db\" &lt;1&gt;</nova:name>");
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) names.add(child.getTagName());
        }
        return names;
    }

    static Element first(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && child.getTagName().equals(name)) return child;
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }
}
