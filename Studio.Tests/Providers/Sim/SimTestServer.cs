using Microsoft.Extensions.Options;
using Studio.Core.Media;
using Studio.Providers.Sim;

namespace Studio.Tests.Providers.Sim;

/// <summary>Starts simulator servers on 127.0.0.1 for tests, with real FFmpeg behind them.</summary>
public static class SimTestServer
{
    public static IMediaEngine Engine { get; } = new FfmpegCoreMediaEngine(Options.Create(new MediaOptions()));

    /// <summary>A started server; faults off unless <paramref name="configure"/> turns them on.</summary>
    public static SimServer Start(Action<SimProviderOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new SimProviderOptions { PollsBeforeDone = 2 };
        configure?.Invoke(options);
        var server = new SimServer(options, Engine, time);
        server.Start();
        return server;
    }
}
