/** nova-api: validates tokens, policy, quotas and input, casts work to the conductor, answers with view records. */
package novalab.engine.api;
