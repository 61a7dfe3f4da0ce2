package dev.rearm.perf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.ChildJvm;
import dev.rearm.perf.testsupport.HostPrecondition;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The JVMs the build starts may load JNA and libperfbp ({@code System::load}, a restricted method)
 * without JDK 24+'s four "WARNING: A restricted method ..." lines, which would come before every
 * one-line error and every probe table. These fail on a JDK that warns (CI runs the tests on the
 * newest JDK present); on JDK 17 there is nothing to warn about. The jars' manifests are pinned by
 * PackagedJarTest, after packaging.
 */
class NativeAccessTest {
    @Test
    void theTestJvmIsGrantedNativeAccess() throws ReflectiveOperationException {
        // Module::isNativeAccessEnabled exists from JDK 22, when the warnings began to loom.
        Method enabled = Arrays.stream(Module.class.getMethods()).filter(m -> m.getName().equals("isNativeAccessEnabled"))
                .findFirst().orElse(null);
        HostPrecondition.assume(enabled != null, "JDK " + Runtime.version().feature() + " has no native access to grant");

        assertThat(enabled.invoke(getClass().getModule())).as("surefire's argLine grants the class path native access")
                .isEqualTo(true);
    }

    @Test
    void aChildJvmRunningTheProbePrintsNoNativeAccessWarning() {
        ChildJvm.Result probe = new ChildJvm().run(RearmNativeCli.class.getName(), "probe", "--json");

        assertThat(probe.stderr().lines().filter(NativeAccessTest::isNativeAccessWarning))
                .as(probe::describe).isEmpty();
        assertThat(probe.stdout()).as(probe::describe).startsWith("{");
    }

    /** A line of the JDK's warning about a restricted method called without native access. */
    static boolean isNativeAccessWarning(String line) {
        return line.startsWith("WARNING") && (line.contains("restricted method") || line.contains("System::load")
                || line.contains("--enable-native-access") || line.contains("native access"));
    }
}
