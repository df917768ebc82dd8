package bt.druk.registry.interfaces.web.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.domain.procurement.BidCommitment;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.ValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BidPagesTest {

    private static final String BID_HASH = "28b9c53bfd948b3eee784b422b38f15bcf856f6e4c040207b9c5fec1f6a249b1";

    @Test
    void theRevealFormShowsFileProblemsNextToTheFileAndDocumentProblemsNextToTheDocuments() {
        ValidationException fromService = new ValidationException(List.of(
                new FieldError("salt", "sealedBid.salt", "bad salt"),
                new FieldError("bid.price.amount", "bid.price.format", "bad price"),
                new FieldError("file", "bid.reveal.file", "choose the file"),
                new FieldError("documents", "bid.reveal.documentMissing", "missing"),
                new FieldError("", "bid.reveal.early", "too early")));
        List<String> fields = RevealBidBean.onThisForm(fromService).errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("sealedFile", "sealedFile", "sealedFile", "documents", ""), fields);
        assertEquals("bid.price.format", RevealBidBean.onThisForm(fromService).errors().get(1).code());
    }

    @Test
    void noSealedBidFileIsRefusedNextToTheFileField() {
        ValidationException e = assertThrows(ValidationException.class, () -> RevealBidBean.readSealedFile(null));
        assertEquals("sealedFile", e.errors().get(0).field());
    }

    @Test
    void onlyBidKeysOpenABidPage() {
        assertTrue(BidPageBean.isBidKey("bid:ocds-drk001-2026-0001:1"));
        assertFalse(BidPageBean.isBidKey("tender:ocds-drk001-2026-0001"));
        assertFalse(BidPageBean.isBidKey("bid:"));
        assertFalse(BidPageBean.isBidKey("nonsense"));
    }

    @Test
    void theBidPageRecomputesTheCommitmentFromBidHashAndSalt() {
        // The chaincode README's vector: SHA-256("<bidHash>:pepper-42").
        String commitment = "03bcaada13ea951ceff119996c5cc946ef3490aeca9404afe9cdc47948445af5";
        assertEquals(commitment, BidCommitment.of(BID_HASH, "pepper-42"));
        assertTrue(revealed(commitment, "pepper-42").commitmentMatches());
        assertFalse(revealed(commitment, "pepper-43").commitmentMatches());
        assertFalse(new BidView("bid:o:1", "tender:o", 1, commitment, "online", Instant.EPOCH, false, null, null, null, null,
                List.of(), LedgerState.COMMITTED, List.of()).commitmentMatches(), "a sealed bid has nothing to check yet");
    }

    private static BidView revealed(String commitment, String salt) {
        return new BidView("bid:o:1", "tender:o", 1, commitment, "online", Instant.EPOCH, true, "B", "1", java.math.BigDecimal.TEN,
                BID_HASH, salt, List.of(), LedgerState.COMMITTED, List.of());
    }
}
