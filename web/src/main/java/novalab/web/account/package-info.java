/** Accounts: users with hashed passwords, sign-in sessions held in SQLite, the sign-in pages and {@code ./lab users}. */
package novalab.web.account;
