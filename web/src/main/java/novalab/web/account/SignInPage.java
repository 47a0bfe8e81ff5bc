package novalab.web.account;

import novalab.web.Chrome;

/**
 * The sign-in form: where to go next, the name typed so far, an error sentence (blank for none) and whether to
 * link to self-registration.
 */
public record SignInPage(Chrome chrome, String next, String name, String error, boolean registration) {
    public SignInPage(Chrome chrome, String next, String name, String error) {
        this(chrome, next, name, error, false);
    }
}
