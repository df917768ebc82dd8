-- A register's versions in the order they were recorded: the bulk OCDS package reads tenders' and
-- bids' committed versions a page at a time from here, and its entity tag is one aggregate over them.
CREATE INDEX ix_record_version_kind_time ON record_version (kind, created_at);
