/** nova-conductor: schedules and builds through the scheduler, and is the only writer of the cell databases. */
package novalab.engine.conductor;
