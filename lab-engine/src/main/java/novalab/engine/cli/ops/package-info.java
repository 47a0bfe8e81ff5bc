/** The operator's tools on the controller and compute nodes: crudini, systemctl, nova-manage, virsh. */
package novalab.engine.cli.ops;
