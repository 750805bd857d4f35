using System.Text.Json;

namespace Studio.Providers.Pika.Wire;

/// <summary>
/// fal's error body: <c>{"detail": "…"}</c>, or FastAPI's validation list
/// <c>{"detail": [{"loc": ["body","prompt"], "msg": "field required", "type": "value_error.missing"}]}</c>.
/// </summary>
/// <param name="Detail">A string or a list of validation errors.</param>
public sealed record FalError(JsonElement Detail)
{
    /// <summary>What fal said, in one line; null when it said nothing readable.</summary>
    public string? Message()
    {
        switch (Detail.ValueKind)
        {
            case JsonValueKind.String:
                return Detail.GetString();
            case JsonValueKind.Array:
                var parts = Detail.EnumerateArray().Select(Describe).Where(p => p.Length > 0).ToList();
                return parts.Count == 0 ? null : string.Join("; ", parts);
            case JsonValueKind.Object:
                return Describe(Detail);
            default:
                return null;
        }
    }

    private static string Describe(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return item.GetString() ?? string.Empty;
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            return item.GetRawText();
        }

        var message = item.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() ?? string.Empty : item.GetRawText();
        if (item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
        {
            // "body" only says the field is in the request body: leave it out of the path users read.
            var path = string.Join('.', loc.EnumerateArray()
                .Select(l => l.ValueKind == JsonValueKind.String ? l.GetString() : l.GetRawText())
                .Where(l => l is not null and not "body"));
            return path.Length > 0 ? $"{path}: {message}" : message;
        }

        return message;
    }
}
