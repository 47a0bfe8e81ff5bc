package novalab.web;

import io.javalin.security.RouteRole;

/** Who may use a route: {@code ANYONE} (signed in or not), a {@code STUDENT} or an {@code INSTRUCTOR}. */
public enum Role implements RouteRole {
    ANYONE, STUDENT, INSTRUCTOR
}
