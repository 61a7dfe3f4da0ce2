package dev.rearm.perf.linux;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How Java reaches the perf calls of the move path ({@link PerfCalls}), chosen once per JVM with
 * {@code -Drearm.binding=jni|jna}. Unset, it is JNI when libperfbp's JNI entry points load, else
 * JNA with a one-line note on stderr. An explicit choice that cannot be honoured is an error: a
 * figure must never be labelled with a binding that did not make its calls.
 */
public enum Binding {
    /** libperfbp's JNI entry points: tens of nanoseconds a call on top of the syscall. */
    JNI,
    /** JNA direct mapping ({@link LibC}): ~250 ns a call on top of the syscall on this VM. */
    JNA;

    /** The system property that chooses the binding. */
    public static final String PROPERTY = "rearm.binding";

    /** The name as {@code -Drearm.binding} spells it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This binding's calls, in this JVM; JNI throws {@link UnavailableException} if it cannot load. */
    public PerfCalls calls() {
        return this == JNA ? JnaPerfCalls.INSTANCE : JniPerfCalls.load();
    }

    /** {@code jni} or {@code jna}, any case; anything else is an {@link IllegalArgumentException} naming both. */
    public static Binding parse(String value) {
        for (Binding binding : values()) {
            if (binding.key().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return binding;
            }
        }
        throw new IllegalArgumentException(PROPERTY + " '" + value + "' is not a binding: use jni or jna "
                + "(or leave it unset: jni when libperfbp's JNI entry points load, else jna)");
    }

    /**
     * The calls this JVM uses, chosen at the first call from {@code -Drearm.binding}. A choice that
     * failed throws the same error on every call (not a class-initialisation error): an
     * {@link IllegalArgumentException} for a bad value, an {@link UnavailableException} for an
     * explicit jni that cannot load, JNA's own {@link LinkageError} when not even JNA loads.
     */
    public static PerfCalls selected() {
        Object choice = Selected.CHOICE;
        if (choice instanceof PerfCalls calls) {
            return calls;
        }
        if (choice instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) choice;
    }

    /**
     * The choice rule, apart from the JVM's property and loader so a test can pin it: unset ->
     * JNI, or JNA with a note when JNI does not load; explicit -> exactly that one, or an error.
     */
    static PerfCalls select(String requested, Supplier<PerfCalls> loadJni, PrintStream notes) {
        if (requested == null || requested.isBlank()) {
            try {
                return loadJni.get();
            } catch (UnavailableException e) {
                // When JNA cannot load either, its error is what the user needs to read, not a note.
                JnaPerfCalls.INSTANCE.getpagesize();
                notes.println("[rearm] binding: jna, because " + e.getMessage() + " (each perf call costs ~250 ns "
                        + "more; -D" + PROPERTY + "=jna chooses it without this note)");
                return JnaPerfCalls.INSTANCE;
            }
        }
        if (parse(requested) == JNA) {
            return JnaPerfCalls.INSTANCE;
        }
        try {
            return loadJni.get();
        } catch (UnavailableException e) {
            throw new UnavailableException("-D" + PROPERTY + "=jni, but " + e.getMessage(), e);
        }
    }

    /** Holds the choice (the calls, or the error to repeat), made once, when first needed. */
    private static final class Selected {
        static final Object CHOICE = choose();

        private static Object choose() {
            try {
                return select(System.getProperty(PROPERTY), JniPerfCalls::load, System.err);
            } catch (RuntimeException | LinkageError e) {
                return e;
            }
        }
    }

    /** The JNI binding cannot load in this JVM: the message says why. */
    public static final class UnavailableException extends IllegalStateException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
