package dev.rearm.analysis.load;

/**
 * Input the analysis cannot use. The message is one line for the user: it names the file (or
 * option) and says what is wrong and what would be valid. The CLI prints it and exits 2.
 */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
