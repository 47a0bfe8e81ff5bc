/** The in-memory compute driver used where libvirt cannot be loaded, behaving exactly like the libvirt one. */
package novalab.engine.virt.fake;
