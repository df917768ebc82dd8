package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bt.druk.registry.domain.ledger.RecordWritten;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RecordWritten event as the chaincode emits it (chaincode/README.md, "Event"). */
class BlockParserTest {

    @Test
    void anEventNamesItsOneRecord() {
        assertEquals(List.of(new RecordWritten("land-title", "land-title:P-1", 2, "ab", "tx-1")), BlockParser.recordsWritten(
                "{\"hash\":\"ab\",\"key\":\"land-title:P-1\",\"kind\":\"land-title\",\"txId\":\"tx-1\",\"version\":2}", "tx-0"));
    }

    @Test
    void aSubdivisionsEventNamesEveryVersionItWroteInOrder() {
        String event = "{\"hash\":\"p2\",\"key\":\"land-title:PIN-200\",\"kind\":\"land-title\",\"records\":["
                + "{\"hash\":\"p2\",\"key\":\"land-title:PIN-200\",\"kind\":\"land-title\",\"version\":2},"
                + "{\"hash\":\"c1\",\"key\":\"land-title:PIN-201\",\"kind\":\"land-title\",\"version\":1},"
                + "{\"hash\":\"c2\",\"key\":\"land-title:PIN-202\",\"kind\":\"land-title\",\"version\":1}],"
                + "\"txId\":\"tx-9\",\"version\":2}";
        assertEquals(List.of(new RecordWritten("land-title", "land-title:PIN-200", 2, "p2", "tx-9"),
                new RecordWritten("land-title", "land-title:PIN-201", 1, "c1", "tx-9"),
                new RecordWritten("land-title", "land-title:PIN-202", 1, "c2", "tx-9")), BlockParser.recordsWritten(event, "tx-0"));
    }
}
