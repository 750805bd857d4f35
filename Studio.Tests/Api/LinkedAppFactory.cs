using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Studio.Tests.Api;

/// <summary>
/// The app with a public address (so it signs asset links), the shortest link lifetime (10 s) and a clock the test
/// moves: <see cref="Clock"/> replaces the app's <see cref="TimeProvider"/>. The workers' timers do not fire until the
/// clock is moved, so this fixture is for requests only, not for running jobs.
/// </summary>
public sealed class LinkedAppFactory : StudioAppFactory
{
    public const string PublicBaseUrl = "https://studio.example.test/";

    public LinkedAppFactory()
        : base(new Dictionary<string, string?>
        {
            ["Studio:PublicBaseUrl"] = PublicBaseUrl,
            ["Studio:Links:Lifetime"] = "00:00:10",
        })
    {
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
