using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Studio.Core.Common;

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

    /// <summary>The localizer stored sentences are worded through (<see cref="StoredText.Word"/>).</summary>
    public static IStringLocalizer<StoredText> StoredWords { get; } = new StringLocalizer<StoredText>(Factory);

    /// <summary>
    /// What <paramref name="call"/> returns when made in the culture <paramref name="name"/> (texts and numbers), which
    /// flows through its awaits as a request's or a circuit's does; the caller's cultures are put back after.
    /// </summary>
    public static async Task<T> InCultureAsync<T>(string name, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return await call();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    /// <summary>What <paramref name="read"/> returns on this thread in the culture <paramref name="name"/> (texts and numbers), the thread's cultures put back after.</summary>
    public static T InCulture<T>(string name, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
