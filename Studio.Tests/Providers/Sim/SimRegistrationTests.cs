using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studio.Core.Providers;
using Studio.Providers;
using Studio.Providers.Http;
using Studio.Providers.Local;
using Studio.Providers.Sim;

namespace Studio.Tests.Providers.Sim;

/// <summary>How AddStudioProviders wires the sim provider, its server and their options.</summary>
public sealed class SimRegistrationTests
{
    [Fact]
    public async Task AddStudioProviders_NoBaseUrl_StartsItsOwnServerOnLoopbackWithTheHostAndTalksToIt()
    {
        await using var host = SimHost.Create(server: null);
        await host.Host.StartAsync();
        var server = host.Get<SimServer>();

        var id = await host.Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);

        server.IsRunning.Should().BeTrue();
        server.BaseAddress.Host.Should().Be("127.0.0.1");
        server.TotalSubmissions.Should().Be(1);
        (await host.Provider.FindSubmissionAsync(SimRequests.For().Reference!, CancellationToken.None)).Should().BeNull();
        id.Should().StartWith("gen_");
        await host.Host.StopAsync();
        server.IsRunning.Should().BeFalse();
    }

    [Fact]
    public async Task AddStudioProviders_BaseUrlSet_StartsNoServerOfItsOwn()
    {
        await using var shared = SimTestServer.Start();
        await using var host = SimHost.Create(shared);
        await host.Host.StartAsync();

        await host.Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);

        host.Get<SimServer>().IsRunning.Should().BeFalse();
        shared.TotalSubmissions.Should().Be(1);
        await host.Host.StopAsync();
    }

    [Fact]
    public async Task AddStudioProviders_TwoHostsOnOneServer_SeeTheSameGenerations()
    {
        await using var shared = SimTestServer.Start();
        await using var first = SimHost.Create(shared);
        await using var second = SimHost.Create(shared);
        var request = SimRequests.For();

        var id = await first.Provider.SubmitAsync(request, CancellationToken.None);
        var found = await second.Provider.FindSubmissionAsync(request.Reference!, CancellationToken.None);

        found.Should().Be(id);
        shared.SubmissionsFor(request.SegmentId).Should().Be(1);
    }

    [Fact]
    public async Task AddStudioProviders_Default_OffersLocalAndSimInTheCatalog()
    {
        await using var host = SimHost.Create(server: null);

        var providers = host.Services.GetServices<IVideoProvider>().ToList();

        providers.Where(p => p.IsConfigured).Select(p => p.Name).Should().BeEquivalentTo(["local", "sim"], "hosted providers are listed, but without a key they cannot be chosen");
        providers.Select(p => p.Name).Should().OnlyHaveUniqueItems();
        host.Get<IEnumerable<IVideoProvider>>().OfType<SimVideoProvider>().Single().Should().BeSameAs(host.Provider);
    }

    [Fact]
    public async Task AddStudioProviders_SimDisabled_OffersNoSimProvider()
    {
        await using var host = SimHost.Create(server: null, new Dictionary<string, string?> { ["Studio:Providers:Sim:Enabled"] = "false" });

        host.Services.GetServices<IVideoProvider>().Where(p => p.IsConfigured).Should().ContainSingle().Which.Should().BeOfType<LocalVideoProvider>();
        host.Services.GetServices<IVideoProvider>().Should().NotContain(p => p is SimVideoProvider);
        host.Services.GetService<SimServer>().Should().BeNull();
    }

    [Fact]
    public void AddStudioProviders_CalledTwice_StillOneSimProviderAndOnePipeline()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });

        builder.AddStudioProviders().AddStudioProviders();

        builder.Services.Count(d => d.ServiceType == typeof(SimVideoProvider)).Should().Be(1);
        builder.Services.Where(d => d.ImplementationInstance is ProviderHttpOptionsValidator)
            .Select(d => ((ProviderHttpOptionsValidator)d.ImplementationInstance!).ProviderName)
            .Should().OnlyHaveUniqueItems("each provider's pipeline is registered once").And.Contain(SimVideoProvider.ProviderName);
    }

    [Fact]
    public void AddProviderHttpClient_SameProviderTwice_Throws()
    {
        var services = new ServiceCollection();
        services.AddProviderHttpClient<SimApiClient>("twice", "T:Http", (_, _) => { });

        var again = () => services.AddProviderHttpClient<SimApiClient>("twice", "T:Http", (_, _) => { });

        again.Should().Throw<InvalidOperationException>().WithMessage("*twice*already registered*");
    }

    [Fact]
    public async Task AddStudioProviders_Configured_BindsSimAndItsHttpOptions()
    {
        await using var host = SimHost.Create(server: null, new Dictionary<string, string?>
        {
            ["Studio:Providers:Sim:PollsBeforeDone"] = "5",
            ["Studio:Providers:Sim:PricePerSecondUsd"] = "0.25",
            ["Studio:Providers:Sim:TransientFaults:0"] = "RateLimited",
            ["Studio:Providers:Sim:Http:CircuitMinimumThroughput"] = "7",
            ["Studio:Providers:Sim:Http:AttemptTimeout"] = "00:00:05",
        });

        var sim = host.Get<IOptions<SimProviderOptions>>().Value;
        var http = host.Get<IOptionsMonitor<ProviderHttpOptions>>().Get(SimVideoProvider.ProviderName);

        sim.PollsBeforeDone.Should().Be(5);
        sim.TransientFaults.Should().Equal(SimFault.RateLimited);
        host.Provider.Prices["sim"].PriceOf(host.Provider.Quote(SimRequests.For(seconds: 2))).Should().Be(0.5m);
        http.CircuitMinimumThroughput.Should().Be(7);
        http.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(5));
        http.CircuitBreakDuration.Should().Be(TimeSpan.FromSeconds(15), "unset keys keep their defaults");
    }

    [Theory]
    [InlineData("TransientFailureRate", "1.5", "TransientFailureRate")]
    [InlineData("PermanentFailureRate", "-0.1", "PermanentFailureRate")]
    [InlineData("PollsBeforeDone", "-1", "PollsBeforeDone")]
    [InlineData("LatencyMs", "600000", "LatencyMs")]
    [InlineData("PricePerSecondUsd", "-1", "PricePerSecondUsd")]
    [InlineData("BaseUrl", "ftp://example.test/", "Studio:Providers:Sim:BaseUrl")]
    [InlineData("BaseUrl", "not a url", "Studio:Providers:Sim:BaseUrl")]
    public async Task StartAsync_BadSimSetting_FailsNamingIt(string key, string value, string named)
    {
        await using var host = SimHost.Create(server: null, new Dictionary<string, string?> { ["Studio:Providers:Sim:" + key] = value });

        var start = () => host.Host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(named);
    }

    [Theory]
    [InlineData("TotalTimeout", "00:00:10", "Studio:Providers:Sim:Http:TotalTimeout")]
    [InlineData("RetryBaseDelay", "00:00:50", "Studio:Providers:Sim:Http:MaxRetryDelay")]
    [InlineData("CircuitMinimumThroughput", "1", "CircuitMinimumThroughput")]
    [InlineData("CircuitFailureRatio", "0", "CircuitFailureRatio")]
    [InlineData("CircuitBreakDuration", "00:00:00.100", "CircuitBreakDuration")]
    [InlineData("MaxRetryAttempts", "11", "MaxRetryAttempts")]
    public async Task StartAsync_BadHttpSetting_FailsNamingIt(string key, string value, string named)
    {
        await using var host = SimHost.Create(server: null, new Dictionary<string, string?> { ["Studio:Providers:Sim:Http:" + key] = value });

        var start = () => host.Host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(named);
    }
}
