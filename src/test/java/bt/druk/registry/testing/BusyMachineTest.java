package bt.druk.registry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BusyMachineTest {

    @Test
    void aQuietMachineIsFilledByTheSpinners() {
        assertEquals(1.0, BusyMachine.share(0.1, 0, 2), 0.06);
    }

    @Test
    void aMachineTheOtherProcessesKeepBusyLeavesTheSpinnersNothing() {
        assertEquals(0.0, BusyMachine.share(2, 0, 2), 1e-9);
        assertEquals(0.0, BusyMachine.share(2, 0.1, 2), 0.06);
    }

    @Test
    void theSpinnersOwnUseIsNotCountedAsOthers() {
        assertEquals(1.0, BusyMachine.share(2, 2, 2), 1e-9);
        assertEquals(0.5, BusyMachine.share(2, 1, 2), 1e-9);
    }

    @Test
    void theShareStaysBetweenNothingAndAll() {
        assertEquals(0.0, BusyMachine.share(3, 0, 2), 1e-9);
        assertEquals(1.0, BusyMachine.share(0, 0.5, 2), 1e-9);
    }
}
