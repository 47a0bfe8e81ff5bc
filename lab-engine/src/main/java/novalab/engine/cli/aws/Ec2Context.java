package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.api.ComputeApi;
import novalab.engine.api.ServerView;
import novalab.engine.common.CloudError;
import novalab.engine.compute.Instance;
import novalab.engine.identity.RequestContext;
import novalab.engine.image.Image;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Neutron;
import novalab.engine.shell.Invocation;

/**
 * What an EC2 operation runs with: the cloud's APIs, the Keystone token the access key was exchanged
 * for, the region, and the lookups from EC2 ids back to engine resources with EC2's error codes.
 */
final class Ec2Context {
    private final Cloud cloud;
    private final Invocation inv;
    private final String token;
    private final String region;
    private final Terminated terminated;

    Ec2Context(Cloud cloud, Invocation inv, String token, String region, Terminated terminated) {
        this.terminated = terminated;
        this.cloud = cloud;
        this.inv = inv;
        this.token = token;
        this.region = region;
    }

    /** A context without a command line (the EC2 wire endpoint): nothing in it may wait on a shell. */
    Ec2Context(Cloud cloud, String token, String region, Terminated terminated) {
        this(cloud, null, token, region, terminated);
    }

    Cloud cloud() { return cloud; }

    Invocation inv() {
        if (inv == null) throw new IllegalStateException("no command line behind this EC2 call");
        return inv;
    }
    String token() { return token; }
    String region() { return region; }
    Terminated terminated() { return terminated; }
    long nowMs() { return cloud.clock().nowMs(); }
    ComputeApi compute() { return cloud.compute(); }
    Neutron neutron() { return cloud.neutron(); }
    RequestContext rc() { return cloud.keystone().validate(token); }
    String accountId() { return Ec2Names.accountId(rc().projectId()); }

    // ----- instances -----

    List<ServerView> servers() { return compute().servers(token, ComputeApi.ServerFilter.none()); }

    /** The servers behind instance ids, in order; malformed or unknown ids fail as EC2 does. */
    List<ServerView> instances(List<String> ids) {
        for (String id : ids) {
            if (!Ec2Names.wellFormed("i", id)) throw new Ec2Error("InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\"");
        }
        List<ServerView> all = servers();
        List<ServerView> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Optional<ServerView> v = all.stream().filter(s -> Ec2Names.instanceId(s.id()).equals(id)).findFirst();
            if (v.isPresent()) out.add(v.get());
            else missing.add(id);
        }
        if (missing.size() == 1) {
            throw new Ec2Error("InvalidInstanceID.NotFound", "The instance ID '" + missing.get(0) + "' does not exist");
        }
        if (!missing.isEmpty()) {
            throw new Ec2Error("InvalidInstanceID.NotFound", "The instance IDs '" + String.join(", ", missing) + "' do not exist");
        }
        return out;
    }

    ServerView instance(String id) { return instances(List.of(id)).get(0); }

    // ----- images, groups, addresses -----

    List<Image> images() { return cloud.glance().list(rc()); }

    Image image(String amiId) {
        if (!Ec2Names.wellFormed("ami", amiId)) {
            throw new Ec2Error("InvalidAMIID.Malformed", "Invalid id: \"" + amiId + "\" (expecting \"ami-...\")");
        }
        return images().stream().filter(i -> Ec2Names.imageId(i.id()).equals(amiId)).findFirst()
                .orElseThrow(() -> new Ec2Error("InvalidAMIID.NotFound", "The image id '[" + amiId + "]' does not exist"));
    }

    List<SecurityGroup> groups() { return neutron().securityGroups(rc()); }

    SecurityGroup groupById(String sgId) {
        if (!Ec2Names.wellFormed("sg", sgId)) throw new Ec2Error("InvalidGroupId.Malformed", "The security-group ID '" + sgId + "' is malformed");
        return groups().stream().filter(g -> Ec2Names.groupId(g.id()).equals(sgId)).findFirst()
                .orElseThrow(() -> new Ec2Error("InvalidGroup.NotFound", "The security group '" + sgId + "' does not exist"));
    }

    SecurityGroup groupByName(String name) {
        return groups().stream().filter(g -> g.name().equals(name) && g.projectId().equals(rc().projectId())).findFirst()
                .orElseThrow(() -> new Ec2Error("InvalidGroup.NotFound",
                        "The security group '" + name + "' does not exist in default VPC '" + defaultVpcId() + "'"));
    }

    List<FloatingIp> addresses() { return neutron().floatingIps(rc()); }

    FloatingIp address(String allocationId) {
        return addresses().stream().filter(f -> Ec2Names.allocationId(f.id()).equals(allocationId)).findFirst()
                .orElseThrow(() -> new Ec2Error("InvalidAllocationID.NotFound", "The allocation ID '" + allocationId + "' does not exist"));
    }

    /** The project's own tenant network: the "default VPC" that run-instances lands in without a subnet. */
    String defaultVpcId() {
        return neutron().networks(rc()).stream().filter(n -> !n.external() && n.projectId().equals(rc().projectId()))
                .findFirst().map(n -> Ec2Names.vpcId(n.id())).orElse("vpc-none");
    }

    /** Maps an engine failure the EC2 API would report: quota, scheduling and validation become EC2 codes. */
    static Ec2Error translate(CloudError e) {
        String m = e.getMessage();
        if (e.status() == 403 && m.contains("Quota exceeded")) return new Ec2Error("InstanceLimitExceeded", m);
        if (e.status() == 409) return new Ec2Error("IncorrectInstanceState", m);
        if (e.status() == 404) return new Ec2Error("InvalidParameterValue", m);
        if (e.status() == 401) return new Ec2Error("AuthFailure", "AWS was not able to validate the provided access credentials");
        return new Ec2Error("InvalidParameterValue", m);
    }

    // ----- the Instance shape -----

    /** One item of {@code Reservations[].Instances[]}, members in the service model's order. */
    ObjectNode instanceJson(ServerView v) {
        Instance inst = compute().instanceOf(token, v.id());
        Ec2Names.State state = Ec2Names.state(v);
        List<Port> ports = neutron().portsOfDevice(v.id());
        Optional<Port> port = ports.stream().findFirst();
        Optional<FloatingIp> fip = port.flatMap(p -> addresses().stream().filter(f -> f.portId().equals(Optional.of(p.id()))).findFirst());
        String privateIp = port.map(Port::firstIp).orElse("");
        Optional<Image> image = cloud.glance().get(v.imageId());
        ObjectNode o = AwsJson.obj();
        o.put("AmiLaunchIndex", inst.launchIndex).put("ImageId", Ec2Names.imageId(v.imageId())).put("InstanceId", Ec2Names.instanceId(v.id()))
                .put("InstanceType", v.flavorName());
        if (!v.keyName().isEmpty()) o.put("KeyName", v.keyName());
        o.put("LaunchTime", Ec2Names.timestamp(v.launchedAt().orElse(v.created())));
        o.set("Monitoring", AwsJson.obj().put("State", "disabled"));
        o.set("Placement", AwsJson.obj().put("AvailabilityZone", v.availabilityZone()).put("GroupName", "").put("Tenancy", "default"));
        o.put("PrivateDnsName", privateIp.isEmpty() ? "" : "ip-" + privateIp.replace('.', '-') + "." + region + ".compute.internal");
        if (!privateIp.isEmpty()) o.put("PrivateIpAddress", privateIp);
        o.set("ProductCodes", AwsJson.arr());
        o.put("PublicDnsName", "");
        fip.ifPresent(f -> o.put("PublicIpAddress", f.address()));
        o.set("State", AwsJson.state(state));
        o.put("StateTransitionReason", state == Ec2Names.STOPPED ? "User initiated" : "");
        port.flatMap(p -> p.fixedIps().stream().findFirst()).ifPresent(f -> o.put("SubnetId", Ec2Names.subnetId(f.subnetId())));
        port.ifPresent(p -> o.put("VpcId", Ec2Names.vpcId(p.networkId())));
        o.put("Architecture", Ec2Names.architecture(image.map(i -> i.properties().getOrDefault("hw_architecture", "x86_64")).orElse("x86_64")));
        o.set("BlockDeviceMappings", AwsJson.arr());
        o.put("ClientToken", "").put("EbsOptimized", false).put("Hypervisor", "xen");
        ArrayNode nics = AwsJson.arr();
        ArrayNode groups = AwsJson.arr();
        for (Port p : ports) {
            ObjectNode nic = AwsJson.obj();
            fip.filter(f -> f.portId().equals(Optional.of(p.id()))).ifPresent(f -> nic.set("Association",
                    AwsJson.obj().put("IpOwnerId", Ec2Names.accountId(f.projectId())).put("PublicDnsName", "").put("PublicIp", f.address())));
            ArrayNode pg = AwsJson.arr();
            for (String gid : p.securityGroupIds()) {
                String name = neutron().securityGroup(gid).map(SecurityGroup::name).orElse(gid);
                ObjectNode g = AwsJson.obj().put("GroupName", name).put("GroupId", Ec2Names.groupId(gid));
                pg.add(g);
                if (p == ports.get(0)) groups.add(g.deepCopy());
            }
            nic.set("Groups", pg);
            nic.put("MacAddress", p.macAddress()).put("NetworkInterfaceId", Ec2Names.interfaceId(p.id())).put("OwnerId", accountId())
                    .put("PrivateIpAddress", p.firstIp()).put("SourceDestCheck", true).put("Status", "in-use");
            p.fixedIps().stream().findFirst().ifPresent(f -> nic.put("SubnetId", Ec2Names.subnetId(f.subnetId())));
            nic.put("VpcId", Ec2Names.vpcId(p.networkId())).put("InterfaceType", "interface");
            nics.add(nic);
        }
        o.set("NetworkInterfaces", nics);
        o.put("RootDeviceName", "/dev/vda").put("RootDeviceType", "instance-store");
        o.set("SecurityGroups", groups);
        o.put("SourceDestCheck", true);
        if (state == Ec2Names.STOPPED) {
            o.set("StateReason", AwsJson.obj().put("Code", "Client.UserInitiatedShutdown").put("Message", "Client.UserInitiatedShutdown: User initiated shutdown"));
        } else if (state == Ec2Names.TERMINATED && v.fault().isPresent()) {
            o.set("StateReason", AwsJson.obj().put("Code", "Server.InternalError").put("Message", "Server.InternalError: " + v.fault().get().message()));
        }
        ArrayNode tags = AwsJson.arr();
        if (!v.metadata().containsKey("Name") && !v.name().equals(RunInstances.UNNAMED)) tags.add(AwsJson.obj().put("Key", "Name").put("Value", v.name()));
        for (Map.Entry<String, String> t : v.metadata().entrySet()) tags.add(AwsJson.obj().put("Key", t.getKey()).put("Value", t.getValue()));
        if (!tags.isEmpty()) o.set("Tags", tags);
        o.put("VirtualizationType", "hvm");
        o.set("CpuOptions", AwsJson.obj().put("CoreCount", inst.flavor.vcpus()).put("ThreadsPerCore", 1));
        return o;
    }

    /** A reservation around instances launched by one request. */
    ObjectNode reservation(String novaReservationId, ArrayNode instances) {
        ObjectNode r = AwsJson.obj();
        r.set("Groups", AwsJson.arr());
        r.set("Instances", instances);
        r.put("OwnerId", accountId()).put("ReservationId", Ec2Names.reservationId(novaReservationId));
        return r;
    }
}
