/** The simulated cloud: {@code Cloud} assembles Keystone, Glance, Neutron and Nova's services over a deterministic timeline. */
package novalab.engine;
