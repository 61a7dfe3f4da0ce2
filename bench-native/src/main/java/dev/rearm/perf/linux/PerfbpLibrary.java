package dev.rearm.perf.linux;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.File;
import java.io.IOException;

/**
 * Where libperfbp.so is, decided once per JVM, so that JNA (the trap counters) and JNI (the perf
 * calls) load the very same file and the process holds one copy of the library.
 *
 * <p>Why not let JNA find it by name: from a jar, JNA unpacks the library to a temporary file
 * and deletes that file right after loading it, so there would be nothing left for
 * {@code System.load}; and unpacking a second copy would load a second library with trap
 * counters of its own. Here the library is unpacked once (from target/classes it is used in
 * place) and the file stays until the JVM exits.
 */
public final class PerfbpLibrary {
    private static String path;

    private PerfbpLibrary() {
    }

    /** The absolute path of libperfbp.so for this JVM; throws {@link UnsatisfiedLinkError} if it is not bundled. */
    public static synchronized String path() {
        if (path == null) {
            try {
                File file = Native.extractFromResourcePath("perfbp", PerfbpLibrary.class.getClassLoader());
                path = file.getAbsolutePath();
            } catch (IOException e) {
                throw new UnsatisfiedLinkError("libperfbp.so is not on the class path under " + Platform.RESOURCE_PREFIX
                        + "/ (build bench-native with Maven, which compiles it there): " + e.getMessage());
            }
        }
        return path;
    }
}
