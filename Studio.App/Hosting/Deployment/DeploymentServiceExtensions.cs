using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Studio.App.Hosting.Health;
using Studio.Core.Redis;

namespace Studio.App.Hosting.Deployment;

/// <summary>
/// What running beyond one box needs from the host: process roles (<c>Studio:Roles</c>), the health endpoints, trusted
/// reverse proxies (<c>Studio:ForwardedHeaders</c>) and a shared key ring (<c>Studio:DataProtection:KeysFolder</c>). With
/// no setting, a process is web and worker at once and trusts no proxy, exactly as a single box always ran.
/// </summary>
internal static class DeploymentServiceExtensions
{
    /// <summary>Registers the deployment settings and health checks; returns the roles this process plays.</summary>
    public static ProcessRoles AddStudioDeployment(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // Read now, not later: which hosted loops are registered depends on it. A bad value stops the process here.
        var roles = ProcessRoleOptions.Read(builder.Configuration);
        services.AddOptions<ProcessRoleOptions>().BindConfiguration(ProcessRoleOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProcessRoleOptions>, ProcessRoleOptionsValidator>());

        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only the proxies named: not loopback by default (a proxy on the same box is named like any other).
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        var keys = builder.Configuration.GetSection(DataProtectionSettings.Section).Get<DataProtectionSettings>()?.KeysFolder;
        if (!string.IsNullOrWhiteSpace(keys))
        {
            services.AddDataProtection()
                .SetApplicationName("Studio")
                .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys, builder.Environment.ContentRootPath)));
        }

        // Probes that start FFmpeg or write files are singletons, so that their short answer cache is shared.
        services.AddSingleton<FileStoreHealthCheck>();
        services.AddSingleton<FfmpegHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [StudioHealth.Ready])
            .AddCheck<FileStoreHealthCheck>("storage", tags: [StudioHealth.Ready])
            .AddCheck<FfmpegHealthCheck>("ffmpeg", tags: [StudioHealth.Ready]);
        if (RedisServiceExtensions.IsConfigured(builder.Configuration))
        {
            services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: [StudioHealth.Ready]);
        }

        return roles;
    }

    /// <summary>True when this process plays <paramref name="role"/>.</summary>
    public static bool Plays(this IHost app, ProcessRoles role) =>
        app.Services.GetRequiredService<IOptions<ProcessRoleOptions>>().Value.Parsed.HasFlag(role);

    /// <summary>First in the pipeline: believes the trusted proxies' X-Forwarded-For and -Proto, when any is configured.</summary>
    public static WebApplication UseStudioForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>
    /// <c>/health</c> (as it always was), <c>/health/live</c> (the process answers) and <c>/health/ready</c> (every check
    /// tagged <see cref="StudioHealth.Ready"/> passes; 503 naming the failing ones), anonymous, on every role.
    /// </summary>
    public static WebApplication MapStudioHealth(this WebApplication app)
    {
        app.MapHealthChecks(StudioHealth.Path, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(StudioHealth.LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(StudioHealth.ReadyPath, new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(StudioHealth.Ready),
                ResponseWriter = HealthResponseWriter.WriteAsync,
            })
            .AllowAnonymous();
        return app;
    }
}
