using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Providers;
using Studio.Tests.Builders;

namespace Studio.Tests.Api;

/// <summary>
/// The app with a default budget of $1.00 a month and three paid test providers: <c>paid</c> ($0.40 a clip, made at
/// once), <c>held</c> ($0.25, never submitted until the test ends: its job stays in progress) and <c>gated</c> ($0.40,
/// submitted when the test releases it, one generation at a time).
/// </summary>
public sealed class BudgetAppFactory() : StudioAppFactory(new Dictionary<string, string?>
{
    ["Studio:Budget:MonthlyUsdPerUser"] = "1.00",
    ["Studio:Workers:ProviderLimits:gated"] = "1",
})
{
    public ScriptedPaidProvider Paid { get; } = new("paid", 0.40m, refundsFailures: false);

    public BudgetGatedProvider Held { get; } = new("held", 0.25m);

    public BudgetGatedProvider Gated { get; } = new("gated", 0.40m);

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<IVideoProvider>(Paid);
        services.AddSingleton<IVideoProvider>(Held);
        services.AddSingleton<IVideoProvider>(Gated);
    }
}
