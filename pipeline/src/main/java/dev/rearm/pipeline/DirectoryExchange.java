package dev.rearm.pipeline;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Path;

/** Swaps two folders atomically, where the kernel and file system can. */
interface DirectoryExchange {

    /** True when the two folders were swapped; false when this system cannot swap them (nothing changed). */
    boolean exchange(Path a, Path b) throws IOException;

    /** renameat2(RENAME_EXCHANGE) (Linux 3.15+, glibc 2.28+; most local file systems). */
    static DirectoryExchange kernel() {
        return (a, b) -> {
            if (!RenameAt2.AVAILABLE) {
                return false;
            }
            try {
                RenameAt2.renameat2(RenameAt2.AT_FDCWD, a.toString(), RenameAt2.AT_FDCWD, b.toString(),
                        RenameAt2.RENAME_EXCHANGE);
                return true;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == RenameAt2.EINVAL || e.getErrorCode() == RenameAt2.ENOSYS) {
                    return false; // the file system (or kernel) has no exchange: nothing was renamed
                }
                throw new IOException("renameat2(" + a + ", " + b + ", RENAME_EXCHANGE) failed with errno "
                        + e.getErrorCode(), e);
            }
        };
    }

    /** A system without the exchange (old glibc, or a file system that refuses it). */
    static DirectoryExchange unsupported() {
        return (a, b) -> false;
    }

    /** The libc binding, loaded once; absent on a libc without renameat2. */
    final class RenameAt2 {
        static final int AT_FDCWD = -100;
        /** linux/fs.h: atomically exchange oldpath and newpath; both must exist. */
        static final int RENAME_EXCHANGE = 1 << 1;
        static final int EINVAL = 22;
        static final int ENOSYS = 38;
        static final boolean AVAILABLE = register();

        private RenameAt2() {
        }

        private static boolean register() {
            try {
                Native.register(RenameAt2.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
                return true;
            } catch (UnsatisfiedLinkError e) {
                return false;
            }
        }

        /** {@code int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned flags)}. */
        static native int renameat2(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags)
                throws LastErrorException;
    }
}
