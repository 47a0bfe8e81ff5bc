package novalab.engine.virt;

/** Simulates nova.virt.hardware.InstanceInfo: what the hypervisor says of one guest. */
public record InstanceInfo(String instanceName, PowerState state, int memoryKib, int vcpus) {}
