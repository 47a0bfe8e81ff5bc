/** Live views of a student's own cloud: hosts by cell and zone, the last scheduling decision, request flows, server lifecycles and security group reachability. */
package novalab.web.cloud;
