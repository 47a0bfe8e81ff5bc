/** Keystone-lite: domains, projects, users, roles and tokens, validated on every API request. */
package novalab.engine.identity;
