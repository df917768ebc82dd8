-- Search projection of land titles' current versions. Owner: portal foundation (land register).
CREATE TABLE land_parcel (
    record_key         VARCHAR(200)  NOT NULL PRIMARY KEY,
    pin                VARCHAR(30)   NOT NULL,
    thram_no           VARCHAR(20)   NOT NULL,
    dzongkhag          VARCHAR(60)   NOT NULL,
    gewog              VARCHAR(60)   NOT NULL,
    area_acres         DECIMAL(12, 4) NOT NULL,
    land_type          VARCHAR(30)   NOT NULL,
    status             VARCHAR(30)   NOT NULL,
    current_version    INTEGER       NOT NULL,
    current_version_id BIGINT        NOT NULL,
    updated_at         TIMESTAMP(6)  NOT NULL
);
CREATE UNIQUE INDEX ux_land_parcel_pin ON land_parcel (pin);
CREATE INDEX ix_land_parcel_thram ON land_parcel (thram_no);
CREATE INDEX ix_land_parcel_location ON land_parcel (dzongkhag, gewog);
