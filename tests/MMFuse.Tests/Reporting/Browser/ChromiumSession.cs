using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MMFuse.Tests.Reporting.Browser;

/// <summary>
/// Headless Chromium driven over the DevTools protocol, straight from .NET: one WebSocket, JSON messages, no
/// extra package and no Node driver (which Playwright would need). One page, attached with a flat session.
/// Every event is kept so tests can look for console errors and network requests afterwards.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly List<(string Method, JsonElement Params)> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _receiver = Task.CompletedTask;
    private string? _sessionId;
    private int _nextId;

    private ChromiumSession(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<ChromiumSession> LaunchAsync(string executable)
    {
        var profile = Path.Combine(Path.GetTempPath(), "mmfuse-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var flag in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--mute-audio",
                     "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank"])
            start.ArgumentList.Add(flag);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + executable);
        var session = new ChromiumSession(process, profile);
        try
        {
            // Port 0 lets Chromium pick a free port; it announces the browser endpoint on stderr.
            var endpoint = await ReadEndpointAsync(process);
            // Keep draining Chromium's output so a chatty browser never blocks on a full pipe.
            _ = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            await session._socket.ConnectAsync(new Uri(endpoint), CancellationToken.None);
            session._receiver = Task.Run(session.ReceiveLoopAsync);
            var target = await session.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
            var attached = await session.SendAsync("Target.attachToTarget",
                new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true });
            session._sessionId = attached.GetProperty("sessionId").GetString();
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends a command to the page (or the browser before attaching) and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null)
    {
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_pending)
        {
            id = ++_nextId;
            _pending[id] = tcs;
        }
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (_sessionId is not null)
            message["sessionId"] = _sessionId;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        return await tcs.Task.WaitAsync(Timeout);
    }

    /// <summary>Evaluates an expression (awaiting it if it is a promise) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true,
        });
        if (result.TryGetProperty("exceptionDetails", out var error))
            throw new InvalidOperationException("page script failed: " + error);
        return result.GetProperty("result").GetProperty("value").Clone();
    }

    public async Task NavigateAsync(string url)
    {
        int seen = EventCount;
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        var deadline = DateTime.UtcNow + Timeout;
        while (!EventsSince(seen).Any(e => e.Method == "Page.loadEventFired"))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("page did not finish loading: " + url);
            await Task.Delay(20);
        }
    }

    public async Task<byte[]> ScreenshotFullPageAsync()
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var size = metrics.GetProperty("cssContentSize");
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject
            {
                ["x"] = 0, ["y"] = 0, ["scale"] = 1,
                ["width"] = size.GetProperty("width").GetDouble(), ["height"] = size.GetProperty("height").GetDouble(),
            },
        });
        return Convert.FromBase64String(shot.GetProperty("data").GetString()!);
    }

    public int EventCount
    {
        get { lock (_events) return _events.Count; }
    }

    public IReadOnlyList<(string Method, JsonElement Params)> EventsSince(int index)
    {
        lock (_events) return _events.Skip(index).ToArray();
    }

    private static async Task<string> ReadEndpointAsync(Process process)
    {
        const string Marker = "DevTools listening on ";
        var lines = new StringBuilder();
        using var cancel = new CancellationTokenSource(Timeout);
        while (await process.StandardError.ReadLineAsync(cancel.Token) is string line)
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
                return line[Marker.Length..].Trim();
            lines.AppendLine(line);
        }
        throw new InvalidOperationException("Chromium exited without a DevTools endpoint:\n" + lines);
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                    continue;
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        lock (_pending)
        {
            foreach (var waiting in _pending.Values)
                waiting.TrySetException(new InvalidOperationException("DevTools connection closed"));
        }
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var idProperty))
        {
            TaskCompletionSource<JsonElement>? waiting;
            lock (_pending)
            {
                if (_pending.Remove(idProperty.GetInt32(), out waiting) is false)
                    return;
            }
            if (message.TryGetProperty("error", out var error))
                waiting!.TrySetException(new InvalidOperationException("DevTools error: " + error));
            else
                waiting!.TrySetResult(message.GetProperty("result"));
            return;
        }
        if (message.TryGetProperty("method", out var method))
        {
            var parameters = message.TryGetProperty("params", out var p) ? p : default;
            lock (_events) _events.Add((method.GetString()!, parameters));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                _sessionId = null;
                await SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(3));
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or WebSocketException)
        {
        }
        _stop.Cancel();
        await _receiver.ConfigureAwait(false);
        if (!_process.WaitForExit(3000))
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _socket.Dispose();
        _stop.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
