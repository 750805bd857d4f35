using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Studio.Providers.Sim;

/// <summary>
/// Starts the app's own <see cref="SimServer"/> with the host when <see cref="SimProviderOptions.BaseUrl"/> is empty,
/// and stops it with the host. (The client also starts it on first use, for hosts that never start.)
/// </summary>
public sealed class SimServerHost(SimServer server, IOptions<SimProviderOptions> options) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.BaseUrl))
        {
            server.Start();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync().WaitAsync(cancellationToken);
}
