/** The Javalin + jte web lab; the only HTTP code (arrives with the web lab issue). */
package novalab.web;
