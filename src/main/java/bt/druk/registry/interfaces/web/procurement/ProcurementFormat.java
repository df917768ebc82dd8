package bt.druk.registry.interfaces.web.procurement;

import bt.druk.registry.application.procurement.ProcurementPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Nu. amounts and Bhutan times as procurement pages show them. */
@Named("procurementFormat")
@ApplicationScoped
public class ProcurementFormat {

    private static final DateTimeFormatter BHUTAN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'BTT'", Locale.ENGLISH);

    @Inject
    ProcurementPolicy policy;

    /** {@code Nu. 1,250,000.00}. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return "Nu. " + format.format(amount);
    }

    /** Bhutan time (UTC+06:00), e.g. {@code 15 Mar 2026, 12:00 BTT}. */
    public String bhutanTime(Instant instant) {
        return instant == null ? "—" : BHUTAN.format(instant.atZone(policy.zone()));
    }
}
