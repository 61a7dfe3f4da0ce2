package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EnvFactsTest {

    @Test
    void aMachineWithEveryCapabilityRefusesNothingButTheShapesItRefused() throws Exception {
        EnvFacts env = EnvFacts.of(json("""
                {"nproc": 2, "pageSize": 4096,
                 "breakpointPmu": {"supported": true, "reason": "opened"},
                 "debugRegisters": {"supported": true, "reason": "ENOSPC at 5", "count": 4},
                 "modifyAttributes": {"supported": true, "reason": "moved"},
                 "signalDelivery": {"supported": true, "reason": "one signal"},
                 "sigtrap": {"supported": true, "accepted": true, "reason": "one SIGTRAP"},
                 "sigDataModify": {"supported": true, "accepted": true, "reason": "retagged"},
                 "shapes": [{"bpType": "W", "bpLen": 1, "supported": true, "reason": "opened"},
                            {"bpType": "X", "bpLen": 1, "supported": false, "reason": "EINVAL"}],
                 "lockedMemory": {"exempt": true, "reason": "CAP_IPC_LOCK (root)", "onlineCpus": 2}}
                """));

        assertThat(env.refused()).isEmpty();
        assertThat(env.watchpointRefusal()).isNull();
        assertThat(env.modifyRefusal()).isNull();
        assertThat(env.nproc()).isEqualTo(2);
        assertThat(env.debugRegisters()).isEqualTo(4);
        assertThat(env.shapeRefusal("X", 1)).isEqualTo("EINVAL");
        assertThat(env.shapeRefusal("W", 1)).isNull();
        assertThat(env.ringRefusal(512, 4, 2)).as("exempt from the locked-memory limit").isNull();
    }

    @Test
    void aMissingBreakpointPmuRefusesEveryWatchpointWithTheProbesReason() throws Exception {
        EnvFacts env = EnvFacts.of(json("""
                {"nproc": 2,
                 "breakpointPmu": {"supported": false, "reason": "perf_event_open failed with ENOENT: no PMU"},
                 "debugRegisters": {"supported": false, "reason": "no PMU", "count": 0},
                 "modifyAttributes": {"supported": false, "reason": "no PMU"},
                 "signalDelivery": {"supported": false, "reason": "no PMU"},
                 "shapes": []}
                """));

        assertThat(env.watchpointRefusal()).isEqualTo("perf_event_open failed with ENOENT: no PMU");
        assertThat(env.refused()).containsKeys("breakpointPmu", "modifyAttributes");
    }

    @Test
    void aKernelWithoutTheModifyIoctlStillArmsWatchpoints() throws Exception {
        EnvFacts env = EnvFacts.of(json("""
                {"nproc": 2,
                 "breakpointPmu": {"supported": true, "reason": "opened"},
                 "debugRegisters": {"supported": true, "reason": "ENOSPC at 5", "count": 4},
                 "modifyAttributes": {"supported": false, "reason": "ioctl failed with ENOTTY: kernel before 4.17"},
                 "signalDelivery": {"supported": true, "reason": "one signal"}}
                """));

        assertThat(env.watchpointRefusal()).isNull();
        assertThat(env.modifyRefusal()).contains("ENOTTY");
    }

    @Test
    void aRingBeyondTheLockedMemoryLimitIsRefusedWithBothFigures() throws Exception {
        EnvFacts env = EnvFacts.of(json("""
                {"nproc": 2, "pageSize": 4096,
                 "lockedMemory": {"exempt": false, "reason": "perf_event_mlock_kb 516 KiB x 2 online CPUs per user, then RLIMIT_MEMLOCK 64 KiB",
                                  "limitKb": 1096, "perfKb": 1032, "rlimitKb": 64, "onlineCpus": 2}}
                """));

        assertThat(env.ringRefusal(256, 1, 1)).as("257 pages = 1028 KiB fit").isNull();
        assertThat(env.ringRefusal(512, 1, 1)).startsWith("needs 2052 KiB locked, limit is 1096 KiB");
        assertThat(env.ringRefusal(128, 4, 1)).as("one ring per slot").startsWith("needs 2064 KiB locked");
    }

    @Test
    void watchpointsThatOpenButNeverFireRefuseTrapsWithTheProbesReason() throws Exception {
        EnvFacts env = EnvFacts.of(armsAndMoves("""
                "signalDelivery": {"supported": false, "reason": "one trap delivered 0 signals"},
                "watchpointTraps": {"supported": false, "reason": "a store under an armed watchpoint counted 0"}
                """));

        assertThat(env.trapRefusal()).isEqualTo("a store under an armed watchpoint counted 0");
        assertThat(env.watchpointRefusal()).as("watchpoints still open and move").isNull();
    }

    @Test
    void anEnvJsonFromBeforeTheTrapCapabilityCountsTrapsAsSupported() throws Exception {
        EnvFacts env = EnvFacts.of(armsAndMoves("""
                "signalDelivery": {"supported": true, "reason": "one signal"}
                """));

        assertThat(env.trapRefusal()).isNull();
        assertThat(env.refused()).doesNotContainKey(EnvFacts.TRAPS);
    }

    @Test
    void sigtrapAcceptedButNotShownWorkingIsRefusedWithTheProbesReason() throws Exception {
        EnvFacts env = EnvFacts.of(armsAndMoves("""
                "sigtrap": {"supported": false, "accepted": true, "reason": "accepted; delivery not verified"},
                "sigDataModify": {"supported": true, "accepted": true, "reason": "retagged"}
                """));

        assertThat(env.sigtrapRefusal()).isEqualTo("accepted; delivery not verified");
        assertThat(env.sigDataModifyRefusal()).isNull();
    }

    @Test
    void anEnvJsonFromBeforeSigtrapRefusesItSayingTheProbeNeverTriedIt() throws Exception {
        EnvFacts env = EnvFacts.of(armsAndMoves("""
                "signalDelivery": {"supported": true, "reason": "one signal"}
                """));

        assertThat(env.sigtrapRefusal()).isEqualTo("env.json has no 'sigtrap' (a probe from before notify=sigtrap "
                + "did not try it)");
        assertThat(env.sigDataModifyRefusal()).startsWith("env.json has no 'sigDataModify'");
    }

    /** env.json of a machine that opens, counts and moves watchpoints, with {@code more} members. */
    private static JsonNode armsAndMoves(String more) throws Exception {
        return json("""
                {"nproc": 2,
                 "breakpointPmu": {"supported": true, "reason": "opened"},
                 "debugRegisters": {"supported": true, "reason": "ENOSPC at 5", "count": 4},
                 "modifyAttributes": {"supported": true, "reason": "moved"},
                """ + more + "}");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
