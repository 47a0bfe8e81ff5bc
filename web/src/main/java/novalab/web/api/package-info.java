/** The OpenStack wire APIs (Keystone v3, Nova v2.1, Neutron v2.0, Glance v2) over each sandbox, for the real {@code openstack} client. */
package novalab.web.api;
