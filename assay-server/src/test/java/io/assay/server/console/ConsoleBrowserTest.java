package io.assay.server.console;

import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst console driven in a real headless Chromium (Debian's chromium and chromium-driver, through Selenium)
 * against the real server on a random port with its embedded PostgreSQL. The API calls that set the scene use the
 * real HTTP API with an API key. Each page is saved as a screenshot under {@code docs/screenshots/} for the README.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// its settings are its own, so no other test reuses this server: stop it (database, pollers) when done, sparing the
// tests that follow on a 2-core machine
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String KEY = "ak_console_test_" + UUID.randomUUID();
    static final String ADMIN_PASSWORD = "console-test-" + UUID.randomUUID();
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dataDir;
    static Path policy;
    static Path screenshots;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void setUp() throws IOException {
        String yaml = new String(io.assay.core.policy.PolicyLoader.class.getResourceAsStream("default-policy.yaml").readAllBytes(),
                StandardCharsets.UTF_8).replace("elections: []", """
                elections:
                  - id: zz-general-2026
                    name: ZZ general election 2026
                    regions: [ZZ]
                    from: 2026-01-01
                    until: 2027-12-31
                    candidates: [Jane Example, Sam Sample]
                    keywords: [ballot, polling station]""");
        policy = Files.writeString(Files.createTempFile("policy", ".yaml"), yaml);
        screenshots = SharedCorpus.repositoryRoot().resolve("docs/screenshots");
        Files.createDirectories(screenshots);
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The console's browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=en-GB", "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    static void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("assay.data-dir", () -> dataDir.toString());
        r.add("assay.api-key", () -> KEY);
        r.add("assay.console.admin-password", () -> ADMIN_PASSWORD);
        r.add("assay.policy.file", () -> policy.toString());
        r.add("assay.analyzers[c2pa.trust-anchors]", () -> SharedCorpus.corpus("c2pa/trust/test_cert_root_bundle.pem").toString());
        r.add("assay.analyzers[c2pa.eku-config]", () -> SharedCorpus.corpus("c2pa/trust/test_store.cfg").toString());
        r.add("assay.analyzers[detect.builtin]", () -> "spectral-image");
    }

    @Value("${local.server.port}")
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void logInAndCheckASignedAiImage() throws Exception {
        driver.get(url("/"));
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        shoot("login");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check a file");
        shoot("check-a-file");

        upload(SharedCorpus.corpus("c2pa/assets/gen-ai-es256.jpg"));
        WebElement badge = wait.until(d -> d.findElement(By.id("badge")));
        assertThat(badge.getText()).isEqualTo("AI-generated");
        assertThat(driver.findElement(By.id("label")).getText()).isEqualTo("ai-generated");
        WebElement tree = driver.findElement(By.id("manifest-tree"));
        assertThat(tree.getText()).contains("c2pa.created").contains("trainedAlgorithmicMedia");
        assertThat(driver.findElement(By.id("credentials")).getText()).contains("Trusted");
        // the built-in detector's vote is shown, marked as not counted (experimental)
        assertThat(driver.findElement(By.id("votes")).getText()).contains("spectral-image").contains("experimental");
        shoot("verdict-ai-generated");

        // An edit of a signed photo: the ingredient (itself with Content Credentials) sits under the active manifest.
        driver.get(url("/"));
        upload(SharedCorpus.corpus("c2pa/assets/gen-edit-composite-es256.jpg"));
        wait.until(d -> d.findElement(By.id("badge")));
        assertThat(driver.findElement(By.id("badge")).getText()).isEqualTo("AI info");
        List<WebElement> nested = driver.findElements(By.cssSelector("#manifest-tree ul.tree > li.tnode"));
        assertThat(nested).as("ingredients under the active manifest").isNotEmpty();
        assertThat(nested.getFirst().getText()).contains("parentOf");
        assertThat(driver.findElements(By.cssSelector("#manifest-tree img.thumb"))).as("thumbnails from the manifest store").isNotEmpty();
        shoot("verdict-ingredient-tree");
        phone("verdict-phone");

        // A file that is not media gets a sentence, not a stack trace; URLs are off unless the server allows them.
        driver.get(url("/"));
        assertThat(driver.findElement(By.id("url")).isEnabled()).isFalse();
        Path text = Files.writeString(dataDir.resolve("notes.txt"), "just some words, no media");
        driver.findElement(By.id("file")).sendKeys(text.toString());
        driver.findElement(By.id("check-submit")).click();
        WebElement problem = wait.until(d -> d.findElement(By.cssSelector("main .error")));
        assertThat(problem.getText()).startsWith("The file cannot be checked:");
        assertThat(driver.getPageSource()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    @Order(2)
    void confirmAReviewItemAndSeeItInTheBank() throws Exception {
        createBank("fact-checks");
        createBank("confirmed");
        // An upload accepted today, then a fact-checker banks the same picture: the retro-hunt queues the upload.
        Path photo = SharedCorpus.corpus("pdq/bridge-mods/aaa-orig.jpg");
        scan(photo, "bridge-rally.jpg", "example-social");
        bankFile("fact-checks", photo, "bridge fake");
        JsonNode item = null;
        for (int i = 0; i < 100 && item == null; i++) {
            JsonNode open = json.readTree(api("GET", "/v1/reviews?status=open", null).body());
            for (JsonNode n : open) {
                if (n.get("fileName").asString().equals("bridge-rally.jpg")) {
                    item = n;
                }
            }
            if (item == null) {
                Thread.sleep(100);
            }
        }
        assertThat(item).as("the retro-hunt queued the earlier upload").isNotNull();
        String itemId = item.get("id").asString();

        driver.get(url("/reviews"));
        WebElement link = wait.until(d -> d.findElement(By.xpath("//a[contains(@class,'review-link') and text()='bridge-rally.jpg']")));
        shoot("review-queue");
        link.click();
        wait.until(d -> d.findElement(By.id("confirm-form")));
        new Select(driver.findElement(By.id("label"))).selectByValue("known-deepfake");
        new Select(driver.findElement(By.id("bank"))).selectByValue("confirmed");
        driver.findElement(By.id("confirm-reason")).sendKeys("Same picture as the debunked bridge fake");
        shoot("review-item");
        driver.findElement(By.id("confirm-submit")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/reviews"));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("banked it in 'confirmed'");

        driver.get(url("/banks/confirmed"));
        List<WebElement> sources = driver.findElements(By.cssSelector("table.entries td.source-name"));
        assertThat(sources).extracting(WebElement::getText).contains("bridge-rally.jpg");
        shoot("bank-entries");

        // The decision is the queue's (the REST API shows it) and in the audit log.
        JsonNode decided = json.readTree(api("GET", "/v1/reviews/" + itemId, null).body());
        assertThat(decided.get("status").asString()).isEqualTo("decided");
        assertThat(decided.get("decision").get("decidedBy").asString()).isEqualTo("admin");
        assertThat(decided.get("decision").get("label").asString()).isEqualTo("known-deepfake");
        driver.get(url("/audit"));
        assertThat(driver.findElement(By.id("audit-table")).getText()).contains("review.confirm")
                .contains("Same picture as the debunked bridge fake")
                .contains("api-key:configured").contains("bank.add"); // the API's bank changes are audited too
    }

    @Test
    @Order(3)
    void aSignalsTimelineChartRenders() throws Exception {
        JsonNode entries = json.readTree(api("GET", "/v1/banks/fact-checks/entries", null).body());
        String signal = entries.get(0).get("signalId").asString();
        // Two more copies seen on two platforms: live matches, sightings of the signal.
        scan(SharedCorpus.corpus("pdq/bridge-mods/shrink-a-little.jpg"), "bridge-copy.jpg", "example-video");
        scan(SharedCorpus.corpus("pdq/bridge-mods/blur-a-little.jpg"), "bridge-copy-2.jpg", "example-social");

        driver.get(url("/banks"));
        wait.until(d -> d.findElement(By.id("signal-table")));
        // The search answers as one types (htmx), without a page load.
        driver.findElement(By.id("q")).sendKeys("aaa-orig");
        wait.until(d -> d.findElement(By.id("results")).getText().contains("aaa-orig.jpg"));
        assertThat(driver.getCurrentUrl()).endsWith("/banks");
        shoot("banks-and-signals");

        // Bank a hash by hand, then retract it: both with a reason, both kept in the entry's record.
        driver.get(url("/banks/fact-checks"));
        driver.findElement(By.id("signal")).sendKeys("0123456789abcdef".repeat(4));
        driver.findElement(By.id("label")).sendKeys("hash from a partner");
        driver.findElement(By.id("add-reason")).sendKeys("Partner alert 17");
        driver.findElement(By.cssSelector("#add-form button")).click();
        wait.until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("1 signal(s) banked"));
        WebElement row = driver.findElement(By.xpath("//table[contains(@class,'entries')]//tr[td[contains(., 'hash from a partner')]]"));
        row.findElement(By.name("reason")).sendKeys("Partner withdrew the alert");
        row.findElement(By.cssSelector("button")).click();
        wait.until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("retracted"));
        driver.get(url("/banks/fact-checks?retracted=true"));
        assertThat(driver.findElement(By.cssSelector("table.entries")).getText())
                .contains("retracted by admin: Partner withdrew the alert");
        driver.get(url("/signals/" + signal));
        WebElement chart = wait.until(d -> {
            WebElement c = d.findElement(By.id("timeline-chart"));
            return "true".equals(c.getAttribute("data-rendered")) ? c : null;
        });
        assertThat(Integer.parseInt(chart.getAttribute("data-points"))).isGreaterThanOrEqualTo(3);
        assertThat(chart.findElements(By.tagName("canvas"))).as("ECharts drew the chart").isNotEmpty();
        Number drawn = (Number) ((JavascriptExecutor) driver).executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]);"
                        + " return c.getOption().series.reduce(function (n, s) { return n + s.data.length; }, 0);", chart);
        assertThat(drawn.intValue()).as("points in the chart's series").isGreaterThanOrEqualTo(3);
        assertThat(driver.findElement(By.id("sightings-table")).getText()).contains("example-video").contains("example-social");
        shoot("signal-timeline");
    }

    @Test
    @Order(4)
    void aCampaignPushingTheBankedFakeIsListedWithItsNetworkDrawn() throws Exception {
        // Organic link sharing over the last hours (bursts of a few accounts), and a cell of four accounts that pushed
        // three links within seconds of each other an hour ago, reported by the platform.
        java.util.Random rnd = new java.util.Random(11);
        java.time.Instant now = java.time.Instant.now();
        java.util.List<String> shares = new java.util.ArrayList<>();
        for (int link = 0; link < 600; link++) {
            java.time.Instant t = now.minusSeconds(7200 + rnd.nextInt(5 * 3600));
            for (int k = 2 + rnd.nextInt(4); k > 0; k--) {
                shares.add(share("user-" + rnd.nextInt(400), t.plusMillis(rnd.nextInt(8000)),
                        "https://news.example/story/" + link));
            }
        }
        for (int link = 0; link < 3; link++) {
            java.time.Instant t = now.minusSeconds(3600 - 600L * link);
            for (int a = 1; a <= 4; a++) {
                shares.add(share("cell-" + a, t.plusMillis(900L * a), "https://pushed.example/claim/" + link));
            }
        }
        HttpResponse<String> reported = api("POST", "/v1/shares", "{\"shares\":[" + String.join(",", shares) + "]}");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        // Now the same four accounts post copies of the banked bridge fake back-to-back.
        String[] copies = {"shrink-a-lot.jpg", "blur-a-lot.jpg", "sharpen-a-little.jpg", "high-contrast.jpg"};
        for (int a = 1; a <= 4; a++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/v1/scans?name=post.jpg&platform=x&account=cell-" + a)))
                    .header("X-API-Key", KEY).POST(HttpRequest.BodyPublishers.ofFile(
                            SharedCorpus.corpus("pdq/bridge-mods/" + copies[a - 1]))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(json.readTree(r.body()).get("label").asString()).isEqualTo("known-deepfake");
        }
        HttpResponse<String> run = api("POST", "/v1/campaigns/detect", null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(json.readTree(run.body()).get("alerts").asInt()).isEqualTo(1);

        driver.get(url("/campaigns"));
        WebElement table = wait.until(d -> d.findElement(By.id("campaigns-table")));
        assertThat(table.getText()).contains("known-deepfake");
        shoot("campaigns");
        table.findElement(By.xpath(".//tr[td[contains(., 'known-deepfake')]]//a")).click();
        WebElement chart = wait.until(d -> {
            WebElement c = d.findElement(By.id("network-chart"));
            return "true".equals(c.getAttribute("data-rendered")) ? c : null;
        });
        assertThat(driver.findElement(By.cssSelector(".notice.alert")).getText()).contains("known deepfake");
        Number nodes = (Number) ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data.length;", chart);
        Number links = (Number) ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].links.length;", chart);
        assertThat(nodes.intValue()).as("accounts drawn").isEqualTo(4);
        assertThat(links.intValue()).as("coordinated edges drawn").isEqualTo(6);
        assertThat(driver.findElement(By.id("edges-table")).getText()).contains("x:cell-1").contains("x:cell-4");
        shoot("campaign-network");
    }

    private static String share(String account, java.time.Instant at, String url) {
        return "{\"platform\":\"x\",\"account\":\"" + account + "\",\"postedAt\":\"" + at + "\",\"url\":\"" + url + "\"}";
    }

    @Test
    @Order(5)
    void settingsReportUsersAndAudit() throws Exception {
        driver.get(url("/settings"));
        assertThat(driver.findElement(By.id("elections-table")).getText()).contains("ZZ general election 2026").contains("Jane Example");
        assertThat(driver.findElement(By.id("incident-state")).getText()).isEqualTo("off");
        // An admin puts a by-election on the watch list; the next scan that mentions its candidate is high risk.
        driver.findElement(By.id("el-id")).sendKeys("zz-mayor-2026");
        driver.findElement(By.id("el-name")).sendKeys("ZZ mayoral by-election");
        driver.findElement(By.id("el-regions")).sendKeys("ZZ");
        driver.findElement(By.id("el-candidates")).sendKeys("Alex Mayor, Kim Council");
        driver.findElement(By.cssSelector("#election-form button")).click();
        wait.until(d -> d.findElement(By.id("elections-table")).getText().contains("ZZ mayoral by-election"));
        JsonNode risky = json.readTree(scan(SharedCorpus.corpus("metadata/coffee-plain.jpg"), "coffee.jpg", "example-social",
                "Kim Council drinks coffee").body());
        assertThat(risky.get("electionRisk").asString()).isEqualTo("high");
        assertThat(risky.get("reasons").toString()).contains("ZZ mayoral by-election");
        driver.findElement(By.id("incident-reason")).sendKeys("Deepfake robocalls reported on polling day");
        driver.findElement(By.cssSelector("#incident-form button")).click();
        wait.until(d -> d.findElement(By.id("incident-state")).getText().equals("ON"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("by admin");
        shoot("election-settings");

        // In incident mode, a known deepfake at high election risk goes to review: checked in the console with
        // where it was posted, it shows the debunk badge and the match beside the banked entry.
        driver.get(url("/"));
        driver.findElement(By.cssSelector("#check-form summary")).click();
        driver.findElement(By.id("platform")).sendKeys("example-social");
        driver.findElement(By.id("caption")).sendKeys("Jane Example at the polling station");
        upload(SharedCorpus.corpus("pdq/bridge-mods/sharpen-a-little.jpg"));
        assertThat(driver.findElement(By.id("badge")).getText()).isEqualTo("Known deepfake - debunked by factcheck.example");
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Banked original").contains("aaa-orig.jpg").contains("mentions candidate 'Jane Example'")
                .contains("review (high priority)");
        shoot("verdict-known-deepfake");

        // A reviewer clears it (say, satire already labelled by the poster): the item leaves the queue, decided.
        driver.get(url("/reviews"));
        driver.findElement(By.xpath("//a[contains(@class,'review-link') and text()='sharpen-a-little.jpg']")).click();
        driver.findElement(By.id("clear-reason")).sendKeys("Satire account, labelled by the poster");
        driver.findElement(By.cssSelector("#clear-form button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/reviews"));
        assertThat(driver.findElement(By.id("queue-table")).getText()).doesNotContain("sharpen-a-little.jpg");
        JsonNode cleared = null;
        for (JsonNode n : json.readTree(api("GET", "/v1/reviews?status=decided", null).body())) {
            if (n.get("fileName").asString().equals("sharpen-a-little.jpg")) {
                cleared = n;
            }
        }
        assertThat(cleared).isNotNull();
        assertThat(cleared.get("decision").get("label").asString()).isEqualTo("none");
        assertThat(cleared.get("decision").get("note").asString()).isEqualTo("Satire account, labelled by the poster");

        driver.get(url("/report"));
        wait.until(d -> d.findElements(By.cssSelector("[data-chart][data-rendered=true]")).size() == 4);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("ZZ general election 2026");
        shoot("transparency-report");
        String from = driver.findElement(By.id("from")).getAttribute("value");
        String to = driver.findElement(By.id("to")).getAttribute("value");
        HttpResponse<String> csv = consoleGet("/report.csv?from=" + from + "&to=" + to);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("section,key,count,labelled").contains("label,ai-generated,1")
                .contains("label,known-deepfake,").contains("election-high-risk,ZZ general election 2026,1,1");

        driver.get(url("/users"));
        driver.findElement(By.id("username")).sendKeys("rita");
        driver.findElement(By.id("password")).sendKeys("a-long-enough-password");
        new Select(driver.findElement(By.id("role"))).selectByValue("viewer");
        driver.findElement(By.cssSelector("#user-form button")).click();
        wait.until(d -> d.findElement(By.id("users-table")).getText().contains("rita"));
        shoot("users");

        driver.get(url("/audit"));
        assertThat(driver.findElement(By.id("audit-table")).getText()).contains("incident.on").contains("user.add")
                .contains("election.add").contains("review.clear");
        shoot("audit-log");
        driver.get(url("/reviews"));
        phone("review-queue-phone");
    }

    /** The API keeps its keys and gets no session or CSRF check; the console needs a session and CSRF tokens. */
    @Test
    @Order(6)
    void apiAndConsoleKeepTheirOwnAuthentication() throws Exception {
        HttpResponse<String> api = api("GET", "/v1/banks", null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(URI.create(url("/v1/banks"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noKey.statusCode()).isEqualTo(401);
        HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create(url("/reviews"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        // A logged-in session without the CSRF token cannot change anything.
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(url("/settings/incident")))
                .header("Cookie", "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("on=false&reason=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("Exception").doesNotContain("\tat ");
        driver.get(url("/settings"));
        assertThat(driver.findElement(By.id("incident-state")).getText()).isEqualTo("ON");

        // A viewer reads but cannot decide or administer.
        driver.findElement(By.cssSelector("form.who button")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        driver.findElement(By.id("username")).sendKeys("rita");
        driver.findElement(By.id("password")).sendKeys("a-long-enough-password");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(driver.findElement(By.tagName("nav")).getText()).doesNotContain("Users");
        driver.get(url("/users"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    }

    // ---- helpers ----

    private void upload(Path file) {
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("check-submit")).click();
        wait.until(d -> d.getCurrentUrl().contains("/scans/"));
    }

    /** A full-page screenshot at laptop width. */
    private void shoot(String name) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);");
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 100, 600), 3200)));
        try {
            Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** A screenshot at phone width (390 px). */
    private void phone(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            shoot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> consoleGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Cookie", "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String method, String path, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + KEY);
        b = jsonBody == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void createBank(String name) throws Exception {
        HttpResponse<String> r = api("POST", "/v1/banks", "{\"name\":\"" + name + "\",\"description\":\"" + name + " (test)\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private HttpResponse<String> scan(Path file, String name, String platform) throws Exception {
        return scan(file, name, platform, null);
    }

    private HttpResponse<String> scan(Path file, String name, String platform, String caption) throws Exception {
        String q = "/v1/scans?name=" + name + "&platform=" + platform
                + (caption == null ? "" : "&caption=" + java.net.URLEncoder.encode(caption, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(q))).header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    private void bankFile(String bank, Path file, String label) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Files.readAllBytes(file));
        out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"context\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"label\":\"" + label + "\",\"reason\":\"debunked\",\"debunkUrl\":\"https://factcheck.example/bridge\"}\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/v1/banks/" + bank + "/entries")))
                .header("X-API-Key", KEY).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

}
