/** Benchmarks run by {@code ./lab bench}: they print figures and assert nothing. */
package novalab.engine.bench;
