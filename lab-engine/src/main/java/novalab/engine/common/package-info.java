/** What every service needs: the simulated clock and timeline, seeded ids, and the error root. */
package novalab.engine.common;
