package dev.rearm.perf.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The running kernel's major.minor, for tests of features that came with a known release. */
public record KernelVersion(int major, int minor) {
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** From /proc/sys/kernel/osrelease; 0.0 (older than everything) when it cannot be read. */
    public static KernelVersion running() {
        try {
            return parse(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        } catch (IOException e) {
            return new KernelVersion(0, 0);
        }
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
