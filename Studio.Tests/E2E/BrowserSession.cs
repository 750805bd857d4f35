using Microsoft.Playwright;

namespace Studio.Tests.E2E;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly List<string> _console = [];
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(StudioProcess.RepositoryRoot(), "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static async Task<BrowserSession> StartAsync()
    {
        var session = new BrowserSession { _playwright = await Playwright.CreateAsync() };
        session.Browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        return session;
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Record($"console.{message.Type}: {message.Text}");
        page.PageError += (_, error) => Record($"page error: {error}");
        page.WebSocket += (_, socket) => socket.Close += (_, _) => Record($"websocket closed: {socket.Url}");
        return page;
    }

    /// <summary>What the pages wrote to their consoles, page errors and closed circuits, in order: for a failing test's diagnosis.</summary>
    public string ConsoleLog
    {
        get
        {
            lock (_console)
            {
                return string.Join(Environment.NewLine, _console);
            }
        }
    }

    private void Record(string line)
    {
        lock (_console)
        {
            _console.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        var log = ConsoleLog;
        if (log.Length > 0)
        {
            var folder = Path.Combine(StudioProcess.RepositoryRoot(), "TestResults", "logs");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"browser-{Guid.NewGuid():N}.log"), log);
        }

        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
