package bt.druk.registry.interfaces.web.browser;

import java.time.Duration;
import org.openqa.selenium.By;

/**
 * The tamper report as an inspector runs it, for tests outside this package: signs in on the
 * report's page in Chromium, starts a run, waits for its findings and reads the counts shown.
 */
public final class TamperReportInBrowser {

    /** What the finished run's page shows. */
    public record Counts(int recordsChecked, int tamperFindings) {
    }

    private TamperReportInBrowser() {
    }

    public static boolean available() {
        return Browser.available();
    }

    public static Counts run(String baseUrl, String inspector, String password) throws java.io.IOException {
        try (Browser browser = new Browser()) {
            browser.open(baseUrl + "/inspect/tamper.xhtml");
            browser.type("login:username", inspector);
            browser.type("login:password", password);
            browser.click("login:signIn");
            browser.wait.until(d -> d.getCurrentUrl().contains("/inspect/tamper.xhtml"));
            browser.click("tamper:start");
            browser.waitUpTo(Duration.ofMinutes(5)).until(d -> d.findElements(By.id("findingsHeading")).size() > 0
                    && d.findElements(By.id("tamper:progressBar")).isEmpty());
            browser.waitForAjax();
            return new Counts(Integer.parseInt(browser.text("recordsChecked")), Integer.parseInt(browser.text("tamperCount")));
        }
    }
}
