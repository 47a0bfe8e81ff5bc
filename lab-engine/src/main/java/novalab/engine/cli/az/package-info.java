/** The {@code az} command: Azure CLI 2.45's virtual-machine workflow as one more API dialect over the same Nova, Neutron and Glance. */
package novalab.engine.cli.az;
