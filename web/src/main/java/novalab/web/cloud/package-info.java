/** Live views of a student's own cloud: hosts by cell and availability zone with their RAM and vCPU use, and the last scheduling decision. */
package novalab.web.cloud;
