package dev.rearm.analysis.load;

/** Which harness measured a figure: the C reference harness or JMH over the Java strategies. */
public enum Harness {
    NATIVE("native", "native.json"),
    JMH("jmh", "jmh.json");

    private final String label;
    private final String fileName;

    Harness(String label, String fileName) {
        this.label = label;
        this.fileName = fileName;
    }

    public String label() {
        return label;
    }

    /** The file of a run folder this harness writes. */
    public String fileName() {
        return fileName;
    }
}
