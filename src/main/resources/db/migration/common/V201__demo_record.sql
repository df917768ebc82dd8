-- Records created by the demo content loader (application/demo): marks them as demo data and lets
-- the loader resume after a restart. Empty unless the portal ran with druk.demo.content=true.
CREATE TABLE demo_record (
    record_key VARCHAR(200) NOT NULL PRIMARY KEY,
    created_at TIMESTAMP(6) NOT NULL
);
