package novalab.web.account;

import novalab.web.Role;

/** A lab account: {@code role} is {@link Role#STUDENT} or {@link Role#INSTRUCTOR}. */
public record User(long id, String name, Role role) {}
