/** Student-written scheduler filters and weighers: the engine asks an injected sandbox for their answers on plain host records. */
package novalab.engine.scheduler.external;
