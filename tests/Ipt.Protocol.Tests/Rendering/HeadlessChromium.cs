using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Ipt.Protocol.Tests.Rendering;

/// <summary>
/// A headless Chromium driven over the DevTools protocol (one WebSocket, no NuGet package): opens a
/// page, records every console error, uncaught exception and error log entry it raises, evaluates
/// script in it and takes full-page screenshots. Chromium is the Debian package <c>chromium</c>
/// (<c>/usr/bin/chromium</c>; <c>IPT_CHROMIUM</c> names another binary); <c>.ci/run</c> installs it.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>The width of the page's viewport, in CSS pixels.</summary>
    public const int ViewportWidth = 1000;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket = new();
    private readonly List<JsonObject> events = [];
    private readonly StringBuilder stderr = new();
    private string sessionId = string.Empty;
    private int nextId;

    private HeadlessChromium(Process process, DirectoryInfo profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>Gets the errors the page raised since it was last loaded: console errors, uncaught exceptions and error log entries.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Finds the Chromium binary: <c>IPT_CHROMIUM</c>, else the Debian package's, else one on the PATH.</summary>
    /// <returns>The path, or <see langword="null"/> when there is none.</returns>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("IPT_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "/usr/bin/chromium" }
            .Concat(path.SelectMany(dir => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(dir, name))))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Starts Chromium with a new profile and opens one blank page.</summary>
    /// <param name="binary">The Chromium binary.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The browser, ready to load pages.</returns>
    public static async Task<HeadlessChromium> StartAsync(string binary, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("ipt-chromium-");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--mute-audio", "--remote-debugging-port=0",
            $"--user-data-dir={profile.FullName}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        var browser = new HeadlessChromium(process, profile);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (browser.stderr)
            {
                browser.stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await browser.ConnectAsync(cancellationToken);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Loads a page and waits for its load event; <see cref="Errors"/> then holds what it raised.</summary>
    /// <param name="url">The page's URL.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the page has loaded.</returns>
    public async Task LoadAsync(Uri url, CancellationToken cancellationToken)
    {
        events.Clear();
        Errors.Clear();
        var navigated = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, cancellationToken);
        if (navigated["errorText"] is JsonValue error)
        {
            Errors.Add($"navigation: {error}");
            return;
        }

        await WaitForEventAsync("Page.loadEventFired", cancellationToken);

        // A round trip after the load event: every message the page logged during loading has arrived.
        await EvaluateAsync("0", cancellationToken);
    }

    /// <summary>Evaluates a script expression in the page and returns its value.</summary>
    /// <param name="expression">The expression; its value must be JSON-serializable.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The value.</returns>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, cancellationToken);
        if (result["exceptionDetails"] is JsonObject exception)
        {
            throw new InvalidOperationException($"The script threw: {exception.ToJsonString()}");
        }

        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>Takes a screenshot of the whole page (not only the viewport) as PNG.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The PNG bytes.</returns>
    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics", null, cancellationToken);
        var height = Math.Ceiling((double)metrics["cssContentSize"]!["height"]!);
        var shot = await SendAsync(
            "Page.captureScreenshot",
            new JsonObject
            {
                ["format"] = "png",
                ["captureBeyondViewport"] = true,
                ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = ViewportWidth, ["height"] = height, ["scale"] = 1 },
            },
            cancellationToken);
        return Convert.FromBase64String((string)shot["data"]!);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The browser is stopped below either way.
        }

        socket.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover profile in the temp folder is harmless.
        }
    }

    private string StandardError()
    {
        lock (stderr)
        {
            return stderr.ToString();
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        // Chromium writes its DevTools port and browser endpoint to the profile once it listens.
        var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        string[] lines = [];
        while (lines.Length < 2)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before it listened:\n{StandardError()}");
            }

            if (deadline.Elapsed > Timeout)
            {
                throw new TimeoutException($"Chromium did not listen within {Timeout.TotalSeconds} s:\n{StandardError()}");
            }

            await Task.Delay(100, cancellationToken);
            try
            {
                lines = File.Exists(portFile) ? (await File.ReadAllLinesAsync(portFile, cancellationToken)).Where(l => l.Length > 0).ToArray() : [];
            }
            catch (IOException)
            {
                lines = [];
            }
        }

        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"), cancellationToken);
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, cancellationToken);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = (string)target["targetId"]!, ["flatten"] = true }, cancellationToken);
        sessionId = (string)attached["sessionId"]!;
        foreach (var domain in new[] { "Page", "Runtime", "Log" })
        {
            await SendAsync($"{domain}.enable", null, cancellationToken);
        }

        await SendAsync(
            "Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = ViewportWidth, ["height"] = 800, ["deviceScaleFactor"] = 1, ["mobile"] = false },
            cancellationToken);
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var id = ++nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId.Length > 0)
        {
            message["sessionId"] = sessionId;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        while (true)
        {
            var received = await ReceiveAsync(timeout.Token);
            if ((int?)received["id"] == id)
            {
                return received["error"] is JsonObject error
                    ? throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}")
                    : received["result"]?.AsObject() ?? [];
            }
        }
    }

    private async Task WaitForEventAsync(string method, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        while (!events.Exists(e => (string?)e["method"] == method))
        {
            await ReceiveAsync(timeout.Token);
        }
    }

    /// <summary>Receives one message; an event is recorded, and an error it reports is added to <see cref="Errors"/>.</summary>
    private async Task<JsonObject> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(chunk, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"Chromium closed the DevTools connection:\n{StandardError()}");
            }

            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);

        var message = JsonNode.Parse(buffer.ToArray())!.AsObject();
        if (message["method"] is not null)
        {
            events.Add(message);
            if (ErrorOf(message) is { } error)
            {
                Errors.Add(error);
            }
        }

        return message;
    }

    private static string? ErrorOf(JsonObject message)
    {
        var parameters = message["params"];
        return (string?)message["method"] switch
        {
            "Runtime.exceptionThrown" => $"uncaught exception: {parameters?["exceptionDetails"]?.ToJsonString()}",
            "Runtime.consoleAPICalled" when (string?)parameters?["type"] is "error" or "assert" =>
                $"console.{parameters!["type"]}: {parameters["args"]?.ToJsonString()}",
            "Log.entryAdded" when (string?)parameters?["entry"]?["level"] == "error" =>
                $"{parameters!["entry"]!["source"]}: {parameters["entry"]!["text"]}",
            _ => null,
        };
    }
}
