using System.Text;
using System.Text.Json;

namespace Studio.Providers.Luma.Wire;

/// <summary>
/// Reads Luma's error body, FastAPI style: <c>{"detail":"message"}</c>, or for a 422 a list
/// <c>{"detail":[{"loc":["body","prompt"],"msg":"…","type":"…"}]}</c>.
/// </summary>
internal static class LumaErrorBody
{
    /// <summary>The message in <paramref name="body"/>, or null when it is not Luma's error shape.</summary>
    public static string? MessageOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("detail", out var detail))
            {
                return null;
            }

            return detail.ValueKind switch
            {
                JsonValueKind.String => detail.GetString(),
                JsonValueKind.Array => Join(detail),
                JsonValueKind.Object when detail.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String => message.GetString(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Join(JsonElement issues)
    {
        var text = new StringBuilder();
        foreach (var issue in issues.EnumerateArray())
        {
            if (issue.ValueKind != JsonValueKind.Object || !issue.TryGetProperty("msg", out var msg) || msg.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            if (issue.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
            {
                // ["body","prompt"] → "prompt: …" (the "body" part says nothing to a user).
                var path = string.Join('.', loc.EnumerateArray().Select(p => p.ToString()).Where(p => p != "body"));
                if (path.Length > 0)
                {
                    text.Append(path).Append(": ");
                }
            }

            text.Append(msg.GetString());
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
