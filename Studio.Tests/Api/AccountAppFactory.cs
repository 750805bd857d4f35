using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Studio.Tests.Api;

/// <summary>
/// The app on a clock the test moves (<see cref="Clock"/> replaces the app's <see cref="TimeProvider"/>), so a lockout
/// can be seen to end without waiting for it. The default lockout rules apply: 5 failures lock for 5 minutes.
/// Requests only: the workers' timers do not fire until the clock is moved.
/// </summary>
public sealed class AccountAppFactory : StudioAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
