using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Studio.App.Hosting.Health;

/// <summary>
/// The body of the health endpoints: <c>{"status": "Unhealthy", "checks": {"ffmpeg": {"status": "Unhealthy",
/// "description": "…", "durationMs": 12.3}}}</c>. Descriptions are our own words; exceptions go to the log only.
/// </summary>
internal static class HealthResponseWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body, Options);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
