using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Studio.Tests.Builders;

/// <summary>
/// Real localizers over Core's real resources (what the app's <c>IStringLocalizerFactory</c> gives), for tests that
/// call Core's static checks directly: they speak the test thread's UI culture, English by default.
/// </summary>
public static class CoreLocalizers
{
    private static readonly ResourceManagerStringLocalizerFactory Factory = new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    /// <summary>The localizer of <paramref name="type"/> (static classes included).</summary>
    public static IStringLocalizer For(Type type) => Factory.Create(type);
}
