/** The {@code aws ec2} dialect (AWS CLI v2 2.9.19) over the same Nova, Neutron, Glance and Keystone APIs as {@code openstack}. */
package novalab.engine.cli.aws;
