package novalab.web.account;

import novalab.web.Chrome;

/** The self-registration form: the name typed so far and an error sentence (blank for none). */
public record RegisterPage(Chrome chrome, String name, String error) {}
