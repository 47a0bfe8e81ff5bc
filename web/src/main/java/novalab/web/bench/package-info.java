/** {@code ./lab bench web}: simulated students sending terminal commands over loopback HTTP, with throughput and latency percentiles. */
package novalab.web.bench;
