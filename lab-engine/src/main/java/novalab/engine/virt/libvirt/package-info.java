/** The libvirt compute driver: domain XML as Nova writes it, run on libvirt's test driver; the only package that imports org.libvirt. */
package novalab.engine.virt.libvirt;
