using Microsoft.Extensions.Time.Testing;
using Studio.Core.Accounts;

namespace Studio.Tests.Core.Redis;

/// <summary>
/// Failed sign-ins of unknown e-mails counted in Redis by two nodes: the default rules (5 failures lock for
/// 5 minutes) hold over the sum, whichever node each attempt reached.
/// </summary>
public sealed class RedisSignInFailureCounterTests(RedisServer server) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly string _prefix = RedisServer.NewPrefix();
    private RedisNode _a = null!;
    private RedisNode _b = null!;

    public async Task InitializeAsync()
    {
        _a = await RedisNode.StartAsync(server.Connection, _prefix, _clock);
        _b = await RedisNode.StartAsync(server.Connection, _prefix, _clock);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public void Registration_RedisConfigured_IsTheRedisCounter() => _a.SignInFailures.Should().BeOfType<RedisSignInFailureCounter>();

    [Fact]
    public async Task Fail_FourOnOneNodeAndOneOnTheOther_LocksOnBoth()
    {
        var email = $"nobody-{Guid.NewGuid():N}@studio.test";
        for (var i = 0; i < 4; i++)
        {
            (await _a.SignInFailures.FailAsync(email, CancellationToken.None)).Should().BeNull($"failure {i + 1} of 5");
        }

        var locked = await _b.SignInFailures.FailAsync(email.ToUpperInvariant(), CancellationToken.None);
        var stillLocked = await _a.SignInFailures.FailAsync(email, CancellationToken.None);
        var someoneElse = await _b.SignInFailures.FailAsync($"other-{Guid.NewGuid():N}@studio.test", CancellationToken.None);

        locked.Should().BeCloseTo(_clock.GetUtcNow() + TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2));
        stillLocked.Should().BeCloseTo(locked!.Value, TimeSpan.FromSeconds(2));
        someoneElse.Should().BeNull();
    }

    [Fact]
    public async Task Fail_KeysHoldNoEmail()
    {
        var email = $"private-{Guid.NewGuid():N}@studio.test";

        await _a.SignInFailures.FailAsync(email, CancellationToken.None);

        var server0 = _a.Redis.Multiplexer.GetServers()[0];
        var keys = server0.Keys(pattern: $"{_prefix}:*").Select(k => k.ToString()).ToList();
        keys.Should().ContainSingle().Which.Should().StartWith($"{_prefix}:sign-in-failures:").And.NotContain("private");
    }
}
