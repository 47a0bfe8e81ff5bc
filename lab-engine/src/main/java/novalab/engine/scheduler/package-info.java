/** nova-scheduler: select_destinations over fresh host states, the filter and weight handlers, and each decision's table. */
package novalab.engine.scheduler;
