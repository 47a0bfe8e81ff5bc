/** SSH key material as Nova and OpenSSH make it: generation, key file formats, fingerprints, randomart, and the workstation's ssh-keygen. */
package novalab.engine.crypto;
