using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Studio.Core.Events;
using Studio.Core.Jobs;

namespace Studio.Tests.Api;

/// <summary>
/// Two app hosts (two web nodes) on one database and one real redis-server: a cookie issued by one is accepted by
/// the other (data protection keys in Redis), unknown e-mails' failed sign-ins add up over both, a job event
/// published on one reaches a subscriber on the other, and SignalR (Blazor's circuits) publishes through Redis.
/// </summary>
public sealed class RedisAppHostsTests(RedisAppHosts hosts) : IClassFixture<RedisAppHosts>
{
    private readonly string _prefix = hosts.Prefix;
    private readonly RedisAppFactory _a = hosts.A;
    private readonly RedisAppFactory _b = hosts.B;

    [Fact]
    public async Task Cookie_IssuedByOneHost_IsAcceptedByTheOther()
    {
        using var onA = _a.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var onB = _b.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var login = await onA.PostAsJsonAsync("/api/account/login", new { email = StudioAppFactory.AdminEmail, password = StudioAppFactory.AdminPassword });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("studio.auth=", StringComparison.Ordinal)).Split(';')[0];

        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/api/tokens");
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/api/tokens");
        signedIn.Headers.Add("Cookie", cookie);
        (await onB.SendAsync(anonymous)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await onB.SendAsync(signedIn)).StatusCode.Should().Be(HttpStatusCode.OK);

        _b.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository.Should().BeOfType<RedisXmlRepository>();
        using var redis = Redis();
        var keys = await redis.GetDatabase().ListLengthAsync($"{_prefix}:data-protection-keys");
        keys.Should().BePositive("the key ring lives in Redis, where every node reads it");
    }

    [Fact]
    public async Task Login_UnknownEmail_FailuresOnBothHostsAddUpToTheLockout()
    {
        var email = $"nobody-{Guid.NewGuid():N}@studio.test";
        using var onA = _a.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var onB = _b.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        for (var i = 0; i < 4; i++)
        {
            (await onA.PostAsJsonAsync("/api/account/login", new { email, password = "Wrong-Pass-1234!" })).StatusCode
                .Should().Be(HttpStatusCode.Unauthorized, $"failure {i + 1} of 5");
        }

        var fifth = await onB.PostAsJsonAsync("/api/account/login", new { email, password = "Wrong-Pass-1234!" });

        fifth.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Ready_WithRedisAnswering_NamesRedisHealthy()
    {
        using var anonymous = _a.CreateClient();

        var response = await anonymous.GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var checks = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["checks"]!.AsObject();
        checks["redis"]!["status"]!.GetValue<string>().Should().Be("Healthy");
    }

    [Fact]
    public async Task JobEvent_PublishedOnOneHost_ReachesASubscriberOnTheOther()
    {
        var inbox = new JobChangeInbox();
        var change = new JobChanged(Guid.NewGuid(), $"owner-{Guid.NewGuid():N}", JobStatus.Running, 0, DateTimeOffset.UtcNow);
        using var subscription = _a.Services.GetRequiredService<IJobEvents>().SubscribeToOwner(change.OwnerId, inbox.Add);
        var events = _b.Services.GetRequiredService<IJobEvents>();
        events.Should().BeOfType<RedisJobEvents>();

        await events.PublishAsync(change, CancellationToken.None);

        (await inbox.WaitForAsync(1)).Should().Equal(change);
    }

    [Fact]
    public async Task SignalR_SendsThroughTheRedisBackplaneUnderThePrefix()
    {
        var manager = _a.Services.GetRequiredService<HubLifetimeManager<ProbeHub>>();
        manager.GetType().GetGenericTypeDefinition().Should().Be(typeof(RedisHubLifetimeManager<>));
        using var redis = Redis();
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern($"{_prefix}:signalr*"), (channel, _) => heard.TrySetResult(channel.ToString()));

        await manager.SendAllAsync("Probe", [], CancellationToken.None);

        (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().Contain(nameof(ProbeHub));
    }

    private ConnectionMultiplexer Redis() => ConnectionMultiplexer.Connect(hosts.Server.Connection);

    /// <summary>A hub of the test's own: its lifetime manager is the one Blazor's circuit hub gets.</summary>
    public sealed class ProbeHub : Hub;
}
