package novalab.engine.crypto;

/** Thrown by this package's readers when bytes do not form a key; always caught inside the package. */
final class MalformedKeyException extends RuntimeException {
    MalformedKeyException(String message) {
        super(message, null, false, false);
    }
}
