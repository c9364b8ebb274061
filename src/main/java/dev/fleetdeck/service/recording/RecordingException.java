package dev.fleetdeck.service.recording;

/** A recording that cannot be opened, read or written; the message names the file and says what is wrong. */
public final class RecordingException extends RuntimeException {
    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
