/**
 * The procurement register's language: tenders (OCDS fields, the order of their states), sealed
 * bids (the bid document, the sealed-bid file and its commitment scheme) and the bids as the
 * register keeps them (a commitment, then the revealed bid). The chaincode enforces the same rules
 * again on the ledger (chaincode/README.md).
 */
package bt.druk.registry.domain.procurement;
