package dev.rearm.analysis.load;

import java.util.Locale;
import java.util.Optional;

/**
 * A run made on a software-emulated CPU (QEMU's TCG, as scripts/in-emulated-guest.sh uses to
 * exercise the trap paths where a VM's watchpoints never fire) has figures that describe the
 * emulator, tens of times slower than any CPU and shaped by QEMU rather than by the kernel: the
 * report and the console say so first, so such a report is never read as a kernel's costs.
 */
final class EmulatedCpu {
    private EmulatedCpu() {
    }

    static Optional<String> warning(Environment environment) {
        String cpu = environment.cpu();
        if (cpu == null || !cpu.toLowerCase(Locale.ROOT).contains("qemu tcg")) {
            return Optional.empty();
        }
        return Optional.of("this run's CPU is emulated ('" + cpu.trim() + "': QEMU's TCG software CPU), so every "
                + "figure here describes the emulator, not what a move or a trap costs on a CPU; the run shows "
                + "that the premises held, never compare or publish its figures");
    }
}
