package novalab.engine.cli.aws;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import novalab.engine.api.ServerView;

/**
 * The one EC2 ↔ OpenStack name mapping, as OpenStack's ec2-api drew it. Instance types are flavors:
 * the type name is the flavor name, and the operator provides flavors named after the common EC2 types
 * (t2.micro, m5.large, …; private flavors shared with the project, so {@code openstack flavor list} still shows
 * only the public m1.* ones), so every flavor the project may use is an instance type. AMIs are Glance
 * images, security groups and rules are Neutron's, Elastic IPs are floating IPs, key pairs are Nova's,
 * VPCs and subnets are Neutron networks and subnets, and an instance is a Nova server. Every EC2 id is
 * the resource prefix and the first 17 hex digits of SHA-256 over the prefix and the engine's id, so ids
 * are stable across replays and never stored; lookups go back by listing and comparing.
 */
final class Ec2Names {
    /** An EC2 instance state: the low-byte code and its name. */
    record State(int code, String name) {}

    static final State PENDING = new State(0, "pending");
    static final State RUNNING = new State(16, "running");
    static final State SHUTTING_DOWN = new State(32, "shutting-down");
    static final State TERMINATED = new State(48, "terminated");
    static final State STOPPING = new State(64, "stopping");
    static final State STOPPED = new State(80, "stopped");

    private Ec2Names() {}

    static String id(String prefix, String engineId) {
        return prefix + "-" + sha256(prefix + ":" + engineId).substring(0, 17);
    }

    static String instanceId(String serverUuid) { return id("i", serverUuid); }
    static String reservationId(String novaReservationId) { return id("r", novaReservationId); }
    static String groupId(String neutronGroupId) { return id("sg", neutronGroupId); }
    static String ruleId(String neutronRuleId) { return id("sgr", neutronRuleId); }
    static String imageId(String glanceId) { return id("ami", glanceId); }
    static String allocationId(String floatingIpId) { return id("eipalloc", floatingIpId); }
    static String associationId(String floatingIpId, String portId) { return id("eipassoc", floatingIpId + "/" + portId); }
    static String keyPairId(String userId, String keyName) { return id("key", userId + "/" + keyName); }
    static String vpcId(String networkId) { return id("vpc", networkId); }
    static String subnetId(String subnetId) { return id("subnet", subnetId); }
    static String interfaceId(String portId) { return id("eni", portId); }

    /** A 12-digit account id for a Keystone project (EC2's OwnerId). */
    static String accountId(String projectId) {
        return String.format("%012d", new BigInteger(sha256("account:" + projectId), 16).mod(BigInteger.TEN.pow(12)));
    }

    /** The EC2 state of a server, from Nova's vm_state and task_state (ec2-api's state map). */
    static State state(ServerView v) {
        Optional<String> task = v.taskState();
        String vm = v.vmState();
        if (task.isPresent() && task.get().equals("deleting")) return SHUTTING_DOWN;
        return switch (vm) {
            case "building" -> PENDING;
            case "active", "rescued", "resized" -> task.filter(t -> t.equals("powering-off") || t.equals("shelving")
                    || t.equals("shelving_image_pending_upload") || t.equals("shelving_image_uploading")).isPresent() ? STOPPING : RUNNING;
            case "stopped", "shelved", "shelved_offloaded", "suspended", "paused" ->
                    task.filter(t -> t.equals("powering-on") || t.startsWith("unshelving") || t.equals("spawning")).isPresent() ? PENDING : STOPPED;
            case "deleted", "soft-delete", "error" -> TERMINATED;
            default -> PENDING;
        };
    }

    /** EC2's architecture name for Glance's {@code hw_architecture}. */
    static String architecture(String hwArchitecture) {
        return switch (hwArchitecture) {
            case "aarch64" -> "arm64";
            case "i686", "i386" -> "i386";
            default -> "x86_64";
        };
    }

    /** {@code 2026-09-14T09:00:05Z} → {@code 2026-09-14T09:00:05+00:00}, as AWS CLI v2 prints timestamps. */
    static String timestamp(String isoZ) {
        String t = isoZ.endsWith("Z") ? isoZ.substring(0, isoZ.length() - 1) : isoZ;
        int dot = t.indexOf('.');
        if (dot > 0) t = t.substring(0, dot);
        return t + "+00:00";
    }

    static boolean wellFormed(String prefix, String id) {
        return id.matches(java.util.regex.Pattern.quote(prefix) + "-([0-9a-f]{8}|[0-9a-f]{17})");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
