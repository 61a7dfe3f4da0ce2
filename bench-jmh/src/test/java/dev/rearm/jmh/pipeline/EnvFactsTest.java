package dev.rearm.jmh.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EnvFactsTest {

    @Test
    void aMachineWithEveryCapabilityIsRunnableAndListsTheRefusedShapes() throws Exception {
        EnvFacts env = EnvFacts.of(json("""
                {"nproc": 2,
                 "breakpointPmu": {"supported": true, "reason": "opened"},
                 "debugRegisters": {"supported": true, "reason": "ENOSPC at 5", "count": 4},
                 "modifyAttributes": {"supported": true, "reason": "moved"},
                 "signalDelivery": {"supported": true, "reason": "one signal"},
                 "shapes": [{"bpType": "W", "bpLen": 1, "supported": true, "reason": "opened"},
                            {"bpType": "X", "bpLen": 1, "supported": false, "reason": "EINVAL"}]}
                """));

        assertThat(env.runnable()).isTrue();
        assertThat(env.nproc()).isEqualTo(2);
        assertThat(env.debugRegisters()).isEqualTo(4);
        assertThat(env.shapeRefusal("X", 1)).isEqualTo("EINVAL");
        assertThat(env.shapeRefusal("W", 1)).isNull();
    }

    @Test
    void aMissingCapabilityIsReportedWithTheProbesReason() throws Exception {
        EnvFacts env = EnvFacts.of(json("""
                {"nproc": 2,
                 "breakpointPmu": {"supported": false, "reason": "perf_event_open failed with ENOENT: no PMU"},
                 "debugRegisters": {"supported": false, "reason": "no PMU", "count": 0},
                 "modifyAttributes": {"supported": false, "reason": "no PMU"},
                 "signalDelivery": {"supported": false, "reason": "no PMU"},
                 "shapes": []}
                """));

        assertThat(env.runnable()).isFalse();
        assertThat(env.missing()).first().isEqualTo("breakpointPmu: perf_event_open failed with ENOENT: no PMU");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
