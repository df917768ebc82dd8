package bt.druk.registry.application.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Where SealedBids' transactions begin and end. The harness has no transaction manager, so the
 * interceptor bindings are what is checked: a class-level {@code @Transactional} would put the
 * ledger waits of {@code postShares} and {@code openAll} inside a database transaction again.
 */
class SealedBidsTransactionsTest {

    static TxType txOf(Class<?> type, String method) {
        Method m = Arrays.stream(type.getDeclaredMethods()).filter(x -> x.getName().equals(method)).findFirst().orElseThrow();
        Transactional own = m.getAnnotation(Transactional.class);
        Transactional inherited = type.getAnnotation(Transactional.class);
        return own != null ? own.value() : inherited == null ? null : inherited.value();
    }

    @Test
    void sealedBidsOpensNoTransactionForTheWholeClass() {
        assertNull(SealedBids.class.getAnnotation(Transactional.class));
    }

    @Test
    void postingSharesAndReadingThemForTheOpeningWaitForTheLedgerOutsideAnyTransaction() {
        assertEquals(TxType.NOT_SUPPORTED, txOf(SealedBids.class, "postShares"));
        assertEquals(TxType.NOT_SUPPORTED, txOf(SealedBids.class, "openAll"));
    }

    @Test
    void lodgingWithdrawingAndRecordingTheVerdictsAreOneTransactionEach() {
        assertEquals(TxType.REQUIRED, txOf(SealedBids.class, "lodge"));
        assertEquals(TxType.REQUIRED, txOf(SealedBids.class, "withdraw"));
        assertEquals(TxType.REQUIRED, txOf(SealedBidOpening.class, "record"));
    }

    @Test
    void readsJoinACallersTransactionButStartNone() {
        for (String read : new String[] {"liveBidOf", "bidsOf", "envelopesToOpen", "hasUnopened", "holderOf"}) {
            assertEquals(TxType.SUPPORTS, txOf(SealedBids.class, read), read);
        }
    }
}
