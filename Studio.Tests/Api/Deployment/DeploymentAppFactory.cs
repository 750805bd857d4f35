using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Studio.Tests.Api.Deployment;

/// <summary>
/// The app with deployment settings of a test's own (roles, proxies, a broken FFmpeg path, a shared data folder). A
/// request carrying <see cref="PeerHeader"/> arrives from that address, as if over a socket from it (the in-process test
/// server has no socket), before any of the app's own middleware runs.
/// </summary>
public sealed class DeploymentAppFactory(IReadOnlyDictionary<string, string?> settings) : StudioAppFactory(settings)
{
    public const string PeerHeader = "X-Test-Peer";

    public DeploymentAppFactory(params (string Key, string? Value)[] settings)
        : this(settings.ToDictionary(s => s.Key, s => s.Value))
    {
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, PeerAddress>();

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate rest) =>
            {
                if (context.Request.Headers.Remove(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return rest(context);
            });
            next(app);
        };
    }
}
