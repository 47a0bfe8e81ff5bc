/** The lab side of the SDK: answers its requests with the OpenStack wire dispatcher on one sandbox, and the console playground. */
package novalab.jshell.cloud;
