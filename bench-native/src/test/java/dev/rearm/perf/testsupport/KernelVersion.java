package dev.rearm.perf.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The running kernel's major.minor, for tests of features that came with a known release. */
public record KernelVersion(int major, int minor) {
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** The kernel the probe reported (0.0, older than everything, when it could not say). */
    public static KernelVersion running() {
        String kernel = KernelSupport.probe().kernel();
        return parse(kernel == null ? "" : kernel);
    }

    /** "6.18.44-fc-v782" -> 6.18; 0.0 for a release that does not start with major.minor. */
    public static KernelVersion parse(String release) {
        Matcher m = MAJOR_MINOR.matcher(release);
        return m.find() ? new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                : new KernelVersion(0, 0);
    }

    public boolean olderThan(int otherMajor, int otherMinor) {
        return major < otherMajor || (major == otherMajor && minor < otherMinor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
