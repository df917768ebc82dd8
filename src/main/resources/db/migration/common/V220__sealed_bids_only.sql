-- Issue 25: every bid is a sealed bid, lodged by a supplier's browser, opened by the tender's key
-- holders. The bid list no longer tells commit-reveal bids from sealed ones, nor paper bids lodged
-- at a clerk's counter from online ones; "revealed" becomes what it meant for a sealed bid: opened
-- as valid. Bid records of the retired commit-reveal scheme are not read by this release (see
-- docs/procurement.md). Same in H2 and PostgreSQL.
ALTER TABLE bid_summary DROP COLUMN channel;
ALTER TABLE bid_summary DROP COLUMN sealed;
ALTER TABLE bid_summary RENAME COLUMN revealed TO opened_valid;
