/** The hypervisor edge: the ComputeDriver interface, its value records, and the guest boot transcript. */
package novalab.engine.virt;
