/** Nova's databases: the API database and one database per cell (cell0 holds the instances that never got a host). */
package novalab.engine.db;
