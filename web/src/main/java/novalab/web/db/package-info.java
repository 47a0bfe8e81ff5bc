/** The SQLite store: one WAL-mode connection, the schema applied at start, small JDBC helpers and no ORM. */
package novalab.web.db;
