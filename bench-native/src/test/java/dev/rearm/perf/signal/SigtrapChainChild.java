package dev.rearm.perf.signal;

import dev.rearm.perf.testsupport.SelfSignals;

/**
 * A JVM that installs the sigtrap handler and then receives a SIGTRAP that is not perf's; prints
 * "survived, chained N" if it lives on. For {@link SigtrapChainTest}.
 */
public final class SigtrapChainChild {
    private SigtrapChainChild() {
    }

    public static void main(String[] args) {
        SigtrapSignals.install();
        SelfSignals.raiseSigtrap();
        System.out.println("survived, chained " + SigtrapSignals.chainedCount());
    }
}
