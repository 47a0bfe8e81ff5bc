/** The message bus between Nova's services: call and cast over topics, with a per-request trace. */
package novalab.engine.bus;
