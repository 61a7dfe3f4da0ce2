package dev.rearm.jmh.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrapScheduleTest {

    @Test
    void trapEveryZeroNeverTraps() {
        assertThat(trappingOps(new TrapSchedule(0), 10)).isEmpty();
    }

    @Test
    void trapEveryOneTrapsOnEveryOp() {
        assertThat(trappingOps(new TrapSchedule(1), 4)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void trapEveryKTrapsOnEveryKthOpCountingFromOne() {
        assertThat(trappingOps(new TrapSchedule(3), 10)).containsExactly(3, 6, 9);
    }

    private static List<Integer> trappingOps(TrapSchedule schedule, int ops) {
        List<Integer> trapping = new ArrayList<>();
        for (int op = 1; op <= ops; op++) {
            if (schedule.next()) {
                trapping.add(op);
            }
        }
        return trapping;
    }
}
