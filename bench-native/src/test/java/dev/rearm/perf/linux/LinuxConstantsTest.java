package dev.rearm.perf.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.HeaderFacts;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The libc and kernel constants the bindings hard-code, against this machine's headers. */
class LinuxConstantsTest {

    @Test
    void perfEventOpenSyscallNumberMatchesTheHeader() {
        assertThat(Arch.current().perfEventOpenSyscall()).isEqualTo(HeaderFacts.of("__NR_perf_event_open"));
    }

    @Test
    void fcntlSignalRoutingConstantsMatchTheHeader() {
        assertThat(Fcntl.F_GETFL).isEqualTo(HeaderFacts.of("F_GETFL"));
        assertThat(Fcntl.F_SETFL).isEqualTo(HeaderFacts.of("F_SETFL"));
        assertThat(Fcntl.F_SETSIG).isEqualTo(HeaderFacts.of("F_SETSIG"));
        assertThat(Fcntl.F_SETOWN_EX).isEqualTo(HeaderFacts.of("F_SETOWN_EX"));
        assertThat(Fcntl.F_OWNER_TID).isEqualTo(HeaderFacts.of("F_OWNER_TID"));
        assertThat(Fcntl.O_ASYNC).isEqualTo(HeaderFacts.of("O_ASYNC"));
        assertThat(Fcntl.O_NONBLOCK).isEqualTo(HeaderFacts.of("O_NONBLOCK"));
    }

    /** PerfEvent.routeSignals writes f_owner_ex as int type at 0, pid at 4. */
    @Test
    void ownerExLayoutMatchesTheHeader() {
        assertThat(Fcntl.F_OWNER_EX_SIZE).isEqualTo(HeaderFacts.of("f_owner_ex.sizeof"));
        assertThat(HeaderFacts.of("f_owner_ex.offset.type")).isZero();
        assertThat(HeaderFacts.of("f_owner_ex.offset.pid")).isEqualTo(4);
    }

    @Test
    void mmapConstantsMatchTheHeader() {
        assertThat(Mman.PROT_READ).isEqualTo(HeaderFacts.of("PROT_READ"));
        assertThat(Mman.PROT_WRITE).isEqualTo(HeaderFacts.of("PROT_WRITE"));
        assertThat(Mman.MAP_SHARED).isEqualTo(HeaderFacts.of("MAP_SHARED"));
    }

    /** Every errno Errno names, found by reflection so that a new one cannot go unchecked. */
    @Test
    void everyErrnoMatchesTheHeader() throws IllegalAccessException {
        int checked = 0;
        for (Field field : Errno.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                assertThat((long) field.getInt(null)).as(field.getName()).isEqualTo(HeaderFacts.of(field.getName()));
                assertThat(Errno.name(field.getInt(null))).isEqualTo(field.getName());
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }
}
