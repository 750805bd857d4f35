using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Studio.Core.Accounts;
using Studio.Core.Events;
using Studio.Core.Redis;

namespace Studio.Tests.Core.Redis;

/// <summary>Without <c>Studio:Redis:Connection</c> nothing changes; a connection or prefix that cannot work fails at start.</summary>
public sealed class RedisRegistrationTests
{
    [Fact]
    public void AddStudioRedis_NoConnection_KeepsTheInMemoryServices()
    {
        using var services = Build(new Dictionary<string, string?>());

        services.GetRequiredService<IJobEvents>().Should().BeOfType<InProcessJobEvents>();
        services.GetRequiredService<ISignInFailureCounter>().Should().BeOfType<InProcessSignInFailureCounter>();
        services.GetService<RedisConnection>().Should().BeNull();
        services.GetRequiredService<IOptions<RedisOptions>>().Value.IsEnabled.Should().BeFalse();
    }

    [Theory]
    [InlineData("127.0.0.1:6379,nonsense=1", "studio", "cannot be read")]
    [InlineData(",", "studio", "names no server")]
    [InlineData("127.0.0.1:6379", "has space", "Prefix")]
    public void Options_UnusableSettings_FailValidation(string connection, string prefix, string message)
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Studio:Redis:Connection"] = connection,
            ["Studio:Redis:Prefix"] = prefix,
        });

        var read = () => services.GetRequiredService<IOptions<RedisOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddStudioAccounts();
        services.AddSingleton<IJobEvents, InProcessJobEvents>();
        services.AddStudioRedis(configuration);
        return services.BuildServiceProvider();
    }
}
