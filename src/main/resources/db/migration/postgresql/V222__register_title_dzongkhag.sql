-- RegisterTitle gained a fourth argument, the parcel's dzongkhag (the ledger checks the clerk's
-- office serves it). A first registration queued before the upgrade, or committed and later
-- carried over to a new ledger, still holds the three-argument call; it gets the dzongkhag its own
-- hashed record names, so the ledger takes it as it would have before.
UPDATE ledger_outbox o
   SET arguments_json = substring(o.arguments_json from 1 for length(o.arguments_json) - 1) || ',"'
       || (SELECT substring(v.canonical_json from '"dzongkhag":"([^"]*)"')
             FROM record_version v WHERE v.id = o.record_version_id) || '"]'
 WHERE o.chaincode_function = 'RegisterTitle'
   AND o.arguments_json NOT LIKE '%,%,%,%'
   AND EXISTS (SELECT 1 FROM record_version v WHERE v.id = o.record_version_id
                  AND v.canonical_json LIKE '%"dzongkhag":"%');
