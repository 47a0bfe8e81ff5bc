/** The scheduler's host filters: one small class per nova.scheduler.filters class, listed by name in {@link novalab.engine.scheduler.filters.Filters}. */
package novalab.engine.scheduler.filters;
