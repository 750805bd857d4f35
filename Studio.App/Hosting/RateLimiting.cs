using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace Studio.App.Hosting;

/// <summary>
/// Rate limits on the API: every <c>/api/**</c> request counts against its user (signed out: its address), and
/// generation starts count again against a stricter limit. Pages, Blazor's circuit traffic, static files and health
/// checks are not limited. A refusal answers 429 with <c>Retry-After</c> and problem details saying when to try again.
/// </summary>
internal static partial class RateLimiting
{
    private const string Unlimited = "unlimited";

    public static IServiceCollection AddStudioRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, limits) =>
        {
            var options = limits.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Starts first: a refused request is asked again (the middleware's wait, with no queue), and a chain takes
            // its permits in order, so the API allowance is not spent by the starts limit's refusals.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerUser(options.StartsPerMinute, options.Window, IsStart),
                PerUser(options.ApiPerMinute, options.Window, IsApi));
            limiter.OnRejected = (context, ct) => RejectAsync(context, options, ct);
        });
        return services;
    }

    /// <summary>A fixed window per user (signed out: per address) over the requests <paramref name="applies"/> picks.</summary>
    private static PartitionedRateLimiter<HttpContext> PerUser(int permits, TimeSpan window, Func<HttpRequest, bool> applies) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => applies(context.Request)
            ? RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(Unlimited));

    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? "user:" + userId
            : "address:" + (context.Connection.RemoteIpAddress ?? IPAddress.None);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static bool IsStart(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value is { } path && StartRoute().IsMatch(path);

    /// <summary><c>POST /api/jobs</c>, <c>/api/jobs/{id}/start</c>, <c>/retry</c>, <c>/segments/{i}/regenerate</c>.</summary>
    [GeneratedRegex(@"^/api/jobs(/[^/]+/(start|retry|segments/[^/]+/regenerate))?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StartRoute();

    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitingOptions options, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var start = IsStart(http.Request);
        var limit = start ? options.StartsPerMinute : options.ApiPerMinute;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var L = http.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(RateLimiting));
        var per = options.Window == TimeSpan.FromMinutes(1) ? L["minute"] : L["{0} seconds", Math.Round(options.Window.TotalSeconds)];
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = start
                    ? L["At most {0} generation starts (creating, starting, retrying or regenerating) are allowed per {1}; try again in {2} seconds.", limit, per, seconds]
                    : L["At most {0} API requests are allowed per {1}; try again in {2} seconds.", limit, per, seconds],
            },
        }).ConfigureAwait(false);
    }
}
