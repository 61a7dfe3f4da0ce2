package dev.rearm.analysis.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * env.json (the probe, run by the pipeline) and native.json's own env block (the harness) should
 * describe one machine. When they name different CPUs, kernels or architectures the files were
 * assembled from different runs (or machines), and every cross-harness comparison is suspect:
 * the report and the console say so first.
 */
final class EnvironmentMismatch {
    private EnvironmentMismatch() {
    }

    /** One warning per fact both name and disagree on; none when either is silent. */
    static List<String> between(Environment envJson, Environment nativeEnv) {
        List<String> warnings = new ArrayList<>();
        compare(warnings, "CPU", envJson, nativeEnv, Environment::cpu);
        compare(warnings, "kernel", envJson, nativeEnv, Environment::kernel);
        compare(warnings, "architecture", envJson, nativeEnv, env -> canonicalArch(env.arch()));
        return List.copyOf(warnings);
    }

    /** Java says amd64 where uname says x86_64 (and arm64/aarch64): one machine, two names. */
    static String canonicalArch(String arch) {
        if (arch == null) {
            return null;
        }
        return switch (arch.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "arm64", "aarch64" -> "aarch64";
            default -> arch.trim();
        };
    }

    private static void compare(List<String> warnings, String fact, Environment envJson, Environment nativeEnv,
                                Function<Environment, String> value) {
        String a = value.apply(envJson);
        String b = value.apply(nativeEnv);
        if (a != null && b != null && !Objects.equals(a.trim(), b.trim())) {
            warnings.add("env.json and native.json's env block name different " + fact + "s ('" + a + "' against '"
                    + b + "'): the files may come from different runs or machines; the report's environment is "
                    + "env.json's");
        }
    }
}
