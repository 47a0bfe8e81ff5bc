package novalab.web.account;

import novalab.web.Chrome;

/** The sign-in form: where to go next, the name typed so far and an error sentence (blank for none). */
public record SignInPage(Chrome chrome, String next, String name, String error) {}
