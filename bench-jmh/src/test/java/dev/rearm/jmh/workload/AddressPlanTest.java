package dev.rearm.jmh.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressPlanTest {

    @Test
    void everyAddressIsDistinctAndAlignedForAnyBpLen() {
        AddressPlan plan = new AddressPlan(4);
        Set<Long> seen = new HashSet<>();
        for (int slot = 0; slot < 4; slot++) {
            for (int line = 0; line < AddressPlan.LINES_PER_SLOT; line++) {
                long address = plan.address(AddressPlan.index(slot, line));
                assertThat(address % 8).isZero();
                assertThat(seen.add(address)).as("address %x used twice", address).isTrue();
            }
        }
    }

    @Test
    void consecutiveAddressesOfASlotAreOnDifferentCacheLines() {
        AddressPlan plan = new AddressPlan(1);

        assertThat(plan.address(AddressPlan.index(0, 1)) - plan.address(AddressPlan.index(0, 0)))
                .isGreaterThanOrEqualTo(64);
    }

    @Test
    void aStoreLandsAtThePlannedAddress() {
        AddressPlan plan = new AddressPlan(2);
        int index = AddressPlan.index(1, 5);

        plan.store(index, (byte) 42);

        long offset = plan.address(index) - plan.memory().address(0);
        assertThat(plan.memory().load((int) offset)).isEqualTo((byte) 42);
    }
}
