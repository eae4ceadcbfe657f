using Ipt.Protocol.Rendering;
using Ipt.Protocol.Tests.Cli;
using Ipt.Protocol.Tests.Docs;

namespace Ipt.Protocol.Tests.Rendering;

/// <summary>
/// The HTML report of every sample, opened in a real browser (headless Chromium): it must load
/// without a console error, an uncaught exception or an error log entry (Chromium logs malformed
/// SVG attributes as errors), show its text and draw every picture at a readable size, and fit the
/// page's width. Each page's screenshot is written to the test output folder, and with
/// <c>IPT_ACCEPT_SNAPSHOTS=1</c> to <c>docs/images/reports/</c> too (linked from docs/cli.md); the
/// checked-in screenshots are not compared byte for byte, because fonts differ between machines.
/// Chromium missing is a failure, not a skip: CI installs it.
/// </summary>
public sealed class BrowserReportTests(BrowserReportTests.Browser browser) : IClassFixture<BrowserReportTests.Browser>
{
    private const string Folder = "docs/images/reports";

    /// <summary>The sample course documents, repository-relative.</summary>
    public static TheoryData<string> Samples() => [.. SampleDocumentTests.Documents().Select(d => d.Path)];

    /// <summary>The name of a sample's screenshot: <c>standard</c>, <c>mistake-in-progress</c>.</summary>
    public static string ScreenshotName(string sample) =>
        (sample.Contains("/mistakes/", StringComparison.Ordinal) ? "mistake-" : sample.Contains("/records/", StringComparison.Ordinal) ? "record-" : string.Empty) + Path.GetFileName(sample).Replace(".course.json", string.Empty, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_html_report_of_each_sample_loads_without_errors_and_shows_every_picture(string sample)
    {
        var chromium = await browser.GetAsync();
        var cancel = TestContext.Current.CancellationToken;
        var html = Path.Combine(browser.Output, ScreenshotName(sample) + ".html");
        var (code, _, error) = SampleDocumentTests.RunInRepository("render", sample, "--out", html);
        Assert.True(code == 0, error);

        // As if run from the repository root: the summary names the sample by its relative path.
        var root = RepoFiles.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        await File.WriteAllTextAsync(html, (await File.ReadAllTextAsync(html, cancel)).Replace(root, string.Empty, StringComparison.Ordinal), cancel);

        await chromium.LoadAsync(new Uri(html), cancel);
        Assert.True(chromium.Errors.Count == 0, $"{sample}: the page raised errors:\n{string.Join("\n", chromium.Errors)}");

        // Not blank: the text is there, and every picture has drawn content of a readable size.
        var page = (await chromium.EvaluateAsync(
            """
            ({
              text: document.body.innerText.trim().length,
              headings: [...document.querySelectorAll('h2')].map(h => h.textContent),
              pictures: [...document.querySelectorAll('svg')].map(s => {
                const box = s.getBoundingClientRect(), drawn = s.getBBox();
                return { width: box.width, height: box.height, drawnWidth: drawn.width, drawnHeight: drawn.height, shapes: s.querySelectorAll('circle, rect, path, polyline').length };
              }),
              scrollWidth: document.documentElement.scrollWidth
            })
            """,
            cancel))!.AsObject();
        Assert.True((int)page["text"]! > 200, $"{sample}: the page shows almost no text");
        Assert.Contains("Validation", page["headings"]!.AsArray().Select(h => (string?)h));
        var course = SampleDocumentTests.Documents().Single(d => d.Path == sample).Course;
        var pictures = page["pictures"]!.AsArray();
        Assert.Equal(2 + MeasureChartSvg.InstrumentsRecorded(course).Count, pictures.Count);
        foreach (var picture in pictures)
        {
            Assert.True((double)picture!["width"]! >= 300 && (double)picture["height"]! >= 150, $"{sample}: a picture is drawn at {picture["width"]} × {picture["height"]} px");
            Assert.True((double)picture["drawnWidth"]! > 0 && (double)picture["drawnHeight"]! > 0 && (int)picture["shapes"]! > 0, $"{sample}: a picture draws nothing");
        }

        Assert.True((int)page["scrollWidth"]! <= HeadlessChromium.ViewportWidth, $"{sample}: the page is {page["scrollWidth"]} px wide, wider than the window");

        var png = await chromium.ScreenshotAsync(cancel);
        Assert.True(png.Length > 10_000, $"{sample}: the screenshot is only {png.Length} bytes");
        await File.WriteAllBytesAsync(Path.Combine(browser.Output, ScreenshotName(sample) + ".png"), png, cancel);
        if (Environment.GetEnvironmentVariable("IPT_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(RepoFiles.PathOf(Folder));
            await File.WriteAllBytesAsync(RepoFiles.PathOf($"{Folder}/{ScreenshotName(sample)}.png"), png, cancel);
        }
    }

    [Fact]
    public async Task A_malformed_picture_a_console_error_or_an_exception_is_caught()
    {
        var chromium = await browser.GetAsync();
        var cancel = TestContext.Current.CancellationToken;
        var page = Path.Combine(browser.Output, "broken.html");
        await File.WriteAllTextAsync(
            page,
            """
            <!DOCTYPE html>
            <html><body><p>A page with faults.</p>
            <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><path d="M 0 0 L x"/><circle r="-4"/></svg>
            <script>console.error("logged"); undefinedFunction();</script>
            </body></html>
            """,
            cancel);
        await chromium.LoadAsync(new Uri(page), cancel);
        Assert.Contains(chromium.Errors, e => e.Contains("attribute d", StringComparison.Ordinal));
        Assert.Contains(chromium.Errors, e => e.StartsWith("console.error", StringComparison.Ordinal) && e.Contains("logged", StringComparison.Ordinal));
        Assert.Contains(chromium.Errors, e => e.StartsWith("uncaught exception", StringComparison.Ordinal) && e.Contains("undefinedFunction", StringComparison.Ordinal));

        // Loading the next page starts a clean list.
        await File.WriteAllTextAsync(page, "<!DOCTYPE html><html><body><p>Fine.</p></body></html>", cancel);
        await chromium.LoadAsync(new Uri(page), cancel);
        Assert.Empty(chromium.Errors);
    }

    [Fact]
    public void Every_sample_has_a_checked_in_screenshot_linked_from_the_cli_page()
    {
        var page = RepoFiles.Read("docs/cli.md");
        foreach (var sample in SampleDocumentTests.Documents().Select(d => d.Path))
        {
            var name = ScreenshotName(sample);
            Assert.True(File.Exists(RepoFiles.PathOf($"{Folder}/{name}.png")), $"{Folder}/{name}.png is missing: run the tests with IPT_ACCEPT_SNAPSHOTS=1");
            Assert.Contains($"(images/reports/{name}.png)", page, StringComparison.Ordinal);
        }

        var expected = SampleDocumentTests.Documents().Select(d => ScreenshotName(d.Path) + ".png").ToHashSet(StringComparer.Ordinal);
        Assert.All(Directory.GetFiles(RepoFiles.PathOf(Folder)), f => Assert.Contains(Path.GetFileName(f), expected));
    }

    /// <summary>One Chromium for the whole class, started on first use; a missing Chromium fails every test that needs it with the reason.</summary>
    public sealed class Browser : IAsyncDisposable
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private HeadlessChromium? chromium;

        /// <summary>Gets the folder the pages and screenshots of this run are written to.</summary>
        public string Output { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "report-screenshots")).FullName;

        /// <summary>Returns the running browser, starting it on first use.</summary>
        /// <returns>The browser.</returns>
        internal async Task<HeadlessChromium> GetAsync()
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                if (chromium is null)
                {
                    var binary = HeadlessChromium.Find();
                    Assert.True(
                        binary is not null,
                        "Chromium was not found, so the HTML reports cannot be checked in a browser. Install the Debian package " +
                        "'chromium' (apt-get install -y chromium; .ci/run does this) or set IPT_CHROMIUM to a Chromium binary.");
                    chromium = await HeadlessChromium.StartAsync(binary, TestContext.Current.CancellationToken);
                }

                return chromium;
            }
            finally
            {
                gate.Release();
            }
        }

        /// <inheritdoc/>
        public async ValueTask DisposeAsync()
        {
            if (chromium is not null)
            {
                await chromium.DisposeAsync();
            }

            gate.Dispose();
        }
    }
}
