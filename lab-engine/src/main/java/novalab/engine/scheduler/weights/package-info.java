/** The scheduler's host weighers: one small class per nova.scheduler.weights class, listed by name in {@link novalab.engine.scheduler.weights.Weighers}. */
package novalab.engine.scheduler.weights;
