package novalab.web;

/** A request the lab cannot take as it is (a blank name, a non-number); shown as a 400 page with this message. */
public final class BadInput extends RuntimeException {
    public BadInput(String message) {
        super(message);
    }
}
