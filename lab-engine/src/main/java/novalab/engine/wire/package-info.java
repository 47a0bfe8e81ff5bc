/** The wire protocols of a sandbox (OpenStack Keystone/Nova/Neutron/Glance JSON APIs and the EC2 Query API) as pure request dispatchers, and the replay of recorded requests. */
package novalab.engine.wire;
