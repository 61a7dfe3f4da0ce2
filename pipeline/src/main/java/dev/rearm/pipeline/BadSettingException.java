package dev.rearm.pipeline;

/** A pipeline property with a value it cannot use; the message names the property and what is valid. */
public final class BadSettingException extends IllegalArgumentException {
    public BadSettingException(String message) {
        super(message);
    }
}
