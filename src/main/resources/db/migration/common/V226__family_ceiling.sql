-- The Land Act 2007's 25-acre ceiling per family (issue 30, item 4), checked by the portal alone:
-- a family is a census household, personal data that never goes into a hashed record nor onto the
-- ledger. Same SQL for H2 and PostgreSQL.

-- The household number of a person as the census record a land clerk entered says, one per CID;
-- a newer census record replaces it (the activity log keeps HOUSEHOLD_CHANGED with the old number).
CREATE TABLE census_household (
    cid          VARCHAR(11)   NOT NULL PRIMARY KEY,
    household    VARCHAR(20)   NOT NULL,
    recorded_by  VARCHAR(64)   NOT NULL,
    recorded_at  TIMESTAMP(6)  NOT NULL
);
CREATE INDEX ix_census_household_household ON census_household (household);

-- Each live (not retired) title's owners by CID with their exact share ("1", "1/3") and the
-- title's area: a projection of the titles' current versions (and of record_party's CIDs), kept by
-- LandProjection, so that a family's land is added up without reading every title. V227 fills it
-- for the titles already registered.
CREATE TABLE land_holding (
    record_key   VARCHAR(200)   NOT NULL,
    cid          VARCHAR(11)    NOT NULL,
    share        VARCHAR(1000)  NOT NULL,
    area_acres   DECIMAL(12, 4) NOT NULL,
    CONSTRAINT pk_land_holding PRIMARY KEY (record_key, cid)
);
CREATE INDEX ix_land_holding_cid ON land_holding (cid);
