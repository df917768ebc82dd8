/**
 * Inspectors' pages (signed in, role inspector or admin; web.xml guards {@code /inspect/*}): the
 * tamper report with its downloads and the audit trail of receipts; and the public warning the
 * record pages show for a record the latest tamper report flagged.
 */
package bt.druk.registry.interfaces.web.inspect;
