/** The {@code openstack} CLI: python-openstackclient 6.0's commands, one class per {@code <object> <action>}. */
package novalab.engine.cli.openstack;
