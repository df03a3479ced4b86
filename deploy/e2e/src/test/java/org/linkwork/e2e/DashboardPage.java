package org.linkwork.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.linkwork.local.GatewayClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reference ICS dashboard in a real headless Chromium (Debian's chromium and chromedriver), logged in through
 * the realm's own login page behind the gateway, and every figure its tables and charts show set against the figure
 * the report API gives for the same data.
 */
final class DashboardPage implements AutoCloseable {

    private static final String SUPPRESSED = "*";
    private static final String NONE = "–";

    private final GatewayClient gateway;
    private final String gatewayUrl;
    private final Path screenshot;
    private final WebDriver browser;

    DashboardPage(GatewayClient gateway, String gatewayUrl, Path screenshot) {
        this.gateway = gateway;
        this.gatewayUrl = gatewayUrl;
        this.screenshot = screenshot;
        this.browser = chromium();
    }

    WebDriver browser() {
        return browser;
    }

    /** Keycloak's login form, filled in as a person would: each field checked before the form is sent. */
    void logIn(String username) {
        browser.get(gatewayUrl + "/dashboard/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("kc-login")));
        if (!browser.getCurrentUrl().contains("/realms/linkwork/")) {
            throw new AssertionError("not at the realm's login page: " + browser.getCurrentUrl());
        }
        type(wait, By.id("username"), username);
        type(wait, By.id("password"), GatewayClient.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        try {
            wait.until(ExpectedConditions.urlMatches("^" + Pattern.quote(gatewayUrl) + "/dashboard/"));
        } catch (TimeoutException e) {
            throw new AssertionError(username + " is not back at the dashboard after logging in; at "
                    + browser.getCurrentUrl() + " showing:\n" + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /**
     * Loads the page for {@code period} ({@code from=YYYY-MM&to=YYYY-MM}, or empty for the page's and the API's
     * default months) until its tables show what the report API gives for the same months (the dashboard reads the
     * stream a little after outcomes-service writes it) or {@code patience} has passed; the differences left, empty
     * when they agree. The page's screenshot is saved either way.
     */
    List<String> tableDifferences(String analystToken, String period, Duration patience) {
        List<String> differences = List.of("not compared yet");
        Instant deadline = Instant.now().plus(patience);
        while (!differences.isEmpty() && Instant.now().isBefore(deadline)) {
            browser.get(gatewayUrl + "/dashboard/" + (period.isEmpty() ? "" : "?" + period));
            awaitFigures();
            differences = differences(pageFigures(), analystToken, period);
            if (!differences.isEmpty()) {
                Pause.of(Duration.ofSeconds(3));
            }
        }
        saveScreenshot();
        return differences;
    }

    /** The charts draw the report API's numbers: referrals per PCN and month, reach by IMD decile, people per FTE. */
    List<String> chartDifferences(String analyst, String period) {
        List<String> differences = new ArrayList<>();
        JsonNode monthly = gateway.get("/reports/monthly?by=PCN&" + period, analyst).expect(200, "monthly report").json();
        Map<String, Object> referralsChart = chartData("chart-referrals");
        List<?> months = (List<?>) referralsChart.get("labels");
        int compared = 0;
        for (Object dataset : (List<?>) referralsChart.get("datasets")) {
            Map<?, ?> series = (Map<?, ?>) dataset;
            for (int m = 0; m < months.size(); m++) {
                JsonNode row = monthlyRow(monthly, (String) months.get(m), (String) series.get("label"));
                Object drawn = ((List<?>) series.get("data")).get(m);
                JsonNode figure = row == null ? null : row.get("referralsReceived");
                BigDecimal expected = figure == null || figure.get("suppressed").asBoolean() ? null
                        : number(figure.get("value").asText());
                if (!Objects.equals(expected, number(drawn))) {
                    differences.add("chart-referrals " + series.get("label") + " " + months.get(m) + ": drawn " + drawn
                            + ", report API " + expected);
                }
                compared++;
            }
        }
        if (compared == 0) {
            differences.add("the referrals chart draws nothing");
        }
        // Reach: each category's share of the region's referrals, from the reach report's shown counts.
        JsonNode reach = gateway.get("/reports/reach?by=IMD_DECILE&" + period, analyst).expect(200, "reach report").json()
                .get("total");
        Map<String, Object> imdChart = chartData("chart-imd");
        List<?> deciles = (List<?>) imdChart.get("labels");
        List<?> shares = (List<?>) ((Map<?, ?>) ((List<?>) imdChart.get("datasets")).get(0)).get("data");
        for (int d = 0; d < deciles.size(); d++) {
            JsonNode count = reach.get("referralsReceived").get((String) deciles.get(d));
            JsonNode total = reach.get("total");
            Double expected = count.get("suppressed").asBoolean() || total.get("suppressed").asBoolean() ? null
                    : count.get("value").asDouble() / total.get("value").asDouble();
            Object drawn = shares.get(d);
            if (expected == null ? drawn != null : drawn == null || Math.abs(expected - ((Number) drawn).doubleValue()) > 1e-9) {
                differences.add("chart-imd decile " + deciles.get(d) + ": drawn " + drawn + ", report API " + expected);
            }
        }
        JsonNode workforce = gateway.get("/reports/workforce", analyst).expect(200, "workforce report").json();
        List<?> perFte = (List<?>) ((Map<?, ?>) ((List<?>) chartData("chart-workforce").get("datasets")).get(0)).get("data");
        if (workforce.get("pcns").size() != perFte.size()) {
            differences.add("chart-workforce draws " + perFte.size() + " PCNs, the report has " + workforce.get("pcns").size());
        }
        for (int p = 0; p < Math.min(perFte.size(), workforce.get("pcns").size()); p++) {
            JsonNode figure = workforce.get("pcns").get(p).get("peoplePerFte");
            BigDecimal expected = figure.get("suppressed").asBoolean() || figure.get("value").isNull() ? null
                    : number(figure.get("value").asText());
            if (!Objects.equals(expected, number(perFte.get(p)))) {
                differences.add("chart-workforce " + p + ": drawn " + perFte.get(p) + ", report API " + expected);
            }
        }
        return differences;
    }

    /** Every differing figure between the page's tables and the report API; empty when they agree. */
    private List<String> differences(Map<String, String> page, String analyst, String period) {
        List<String> differences = new ArrayList<>();
        JsonNode monthly = gateway.get("/reports/monthly?by=PCN&" + period, analyst).expect(200, "monthly report").json();
        int rows = 0;
        int measures = 0;
        for (JsonNode row : monthly.get("rows")) {
            String place = row.get("month").asText() + "/" + row.path("pcnCode").asText("") + "/";
            for (JsonNode measure : row.get("wellbeing")) {
                measures++;
                String key = "wellbeing/" + place + measure.get("instrument").asText() + "." + measure.get("measure").asText() + "/";
                for (String field : List.of("people", "meanChange", "shareImproved")) {
                    compare(differences, page, key + field, measure.get(field));
                }
            }
            if (isZero(row.get("referralsReceived")) && isZero(row.get("firstContacts")) && row.get("wellbeing").isEmpty()) {
                continue;
            }
            rows++;
            for (String field : List.of("referralsReceived", "firstContacts", "medianDaysToFirstContact",
                    "p90DaysToFirstContact")) {
                compare(differences, page, "month/" + place + field, row.get(field));
            }
        }
        long pageMeasures = page.keySet().stream().filter(k -> k.startsWith("wellbeing/") && k.endsWith("/people")).count();
        if (pageMeasures != measures) {
            differences.add("the page has " + pageMeasures + " wellbeing rows, the report " + measures);
        }
        long pageRows = page.keySet().stream().filter(k -> k.startsWith("month/") && k.endsWith("/referralsReceived")).count();
        if (pageRows != rows) {
            differences.add("the page has " + pageRows + " month rows, the report " + rows);
        }
        for (String[] split : new String[][] { { "IMD_DECILE", "reach/imd/" }, { "ETHNIC_GROUP", "reach/ethnic/" } }) {
            JsonNode total = gateway.get("/reports/reach?by=" + split[0] + "&" + period, analyst).expect(200, "reach report")
                    .json().get("total");
            for (Iterator<Map.Entry<String, JsonNode>> it = total.get("referralsReceived").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> category = it.next();
                compare(differences, page, split[1] + category.getKey(), category.getValue());
            }
            compare(differences, page, split[1] + "total", total.get("total"));
        }
        JsonNode workforce = gateway.get("/reports/workforce", analyst).expect(200, "workforce report").json();
        for (JsonNode pcn : workforce.get("pcns")) {
            String key = "workforce/" + pcn.get("pcnCode").asText() + "/";
            expect(differences, page, key + "linkWorkers", pcn.get("linkWorkers").asText());
            expect(differences, page, key + "fte", pcn.get("fte").asText());
            for (String field : List.of("openCases", "peopleInYear", "peoplePerFte")) {
                compare(differences, page, key + field, pcn.get(field));
            }
            expect(differences, page, key + "againstGuidance",
                    pcn.get("againstGuidance").isNull() ? NONE : pcn.get("againstGuidance").asText());
        }
        long pagePcns = page.keySet().stream().filter(k -> k.startsWith("workforce/") && k.endsWith("/linkWorkers")).count();
        if (pagePcns != workforce.get("pcns").size()) {
            differences.add("the page has " + pagePcns + " workforce rows, the report " + workforce.get("pcns").size());
        }
        return differences;
    }

    private static boolean isZero(JsonNode figure) {
        return !figure.get("suppressed").asBoolean() && figure.get("value").isNumber() && figure.get("value").asLong() == 0;
    }

    private static void compare(List<String> differences, Map<String, String> page, String key, JsonNode figure) {
        String expected = figure.get("suppressed").asBoolean() ? SUPPRESSED
                : figure.get("value").isNull() ? NONE : figure.get("value").asText();
        expect(differences, page, key, expected);
    }

    /** Numbers compare by value (the page may write 2.60 as 2.6); markers as text. */
    private static void expect(List<String> differences, Map<String, String> page, String key, String expected) {
        String shown = page.get(key);
        boolean same = shown != null && (shown.equals(expected) || isNumber(shown) && isNumber(expected)
                && new BigDecimal(shown).compareTo(new BigDecimal(expected)) == 0);
        if (!same) {
            differences.add(key + ": page " + shown + ", report API " + expected);
        }
    }

    private static boolean isNumber(String text) {
        return text.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    private static BigDecimal number(Object drawn) {
        return drawn == null ? null : new BigDecimal(drawn.toString()).stripTrailingZeros();
    }

    private static JsonNode monthlyRow(JsonNode monthly, String month, String pcn) {
        for (JsonNode row : monthly.get("rows")) {
            String rowPcn = row.path("pcnCode").isNull() ? "PCN not known" : row.path("pcnCode").asText();
            if (row.get("month").asText().equals(month) && rowPcn.equals(pcn)) {
                return row;
            }
        }
        return null;
    }

    private Map<String, String> pageFigures() {
        Map<String, String> figures = new LinkedHashMap<>();
        for (WebElement cell : browser.findElements(By.cssSelector("[data-key]"))) {
            figures.put(cell.getAttribute("data-key"), cell.getText().trim());
        }
        return figures;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> chartData(String canvasId) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "const c = Chart.getChart(arguments[0]); return { labels: c.data.labels, datasets: c.data.datasets"
                        + ".map(d => ({ label: d.label, data: d.data })) };", canvasId);
    }

    private static void type(WebDriverWait wait, By field, String text) {
        wait.until(d -> {
            WebElement input = d.findElement(field);
            input.clear();
            input.sendKeys(text);
            return text.equals(input.getDomProperty("value"));
        });
    }

    private void awaitFigures() {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
                WebElement status = d.findElement(By.id("status"));
                if ("error".equals(status.getAttribute("class"))) {
                    throw new AssertionError("the dashboard says: " + status.getText());
                }
                return "true".equals(status.getAttribute("data-loaded"));
            });
        } catch (TimeoutException | AssertionError e) {
            saveScreenshot();
            String page = browser.findElement(By.tagName("body")).getText();
            throw new AssertionError("no figures on the page after 60 s (" + e.getMessage().lines().findFirst().orElse("")
                    + "); at " + browser.getCurrentUrl() + " titled '" + browser.getTitle() + "', showing:\n"
                    + page.substring(0, Math.min(page.length(), 2000)), e);
        }
    }

    void saveScreenshot() {
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(screenshot.toAbsolutePath().getParent());
            Files.copy(shot, screenshot, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("Dashboard screenshot: " + screenshot.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path screenshot() {
        return screenshot;
    }

    @Override
    public void close() {
        browser.quit();
    }

    /**
     * Debian's chromium through its chromedriver. Keycloak's certificate is signed by the suite's local CA, which
     * chromium's own certificate store does not hold: certificate errors are ignored in this test browser only.
     */
    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Objects.requireNonNullElse(System.getenv("LINKWORK_CHROMIUM"), "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--ignore-certificate-errors",
                "--window-size=1400,2600", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(Objects.requireNonNullElse(System.getenv("LINKWORK_CHROMEDRIVER"),
                        "/usr/bin/chromedriver")).toFile())
                .build();
        return new ChromeDriver(service, options);
    }
}
