using System.Globalization;

namespace Studio.App.Hosting.Bench;

/// <summary>
/// <c>bench &lt;name&gt; [count] [--database sqlite|postgresql] [--connection &lt;cs&gt;] [--workers 1,2,4]</c>, parsed.
/// </summary>
internal sealed record BenchArguments(string Name, int? Count, bool PostgreSql, string? Connection, IReadOnlyList<int> Workers, string? Error)
{
    public static BenchArguments Parse(string[] args)
    {
        var name = args.Length > 1 ? args[1] : "";
        int? count = null;
        var postgres = false;
        string? connection = null;
        IReadOnlyList<int> workers = [1, 2, 4];
        string? error = null;
        for (var i = 2; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--database" when value is "sqlite" or "postgresql":
                    postgres = value == "postgresql";
                    i++;
                    break;
                case "--connection" when !string.IsNullOrWhiteSpace(value):
                    connection = value;
                    i++;
                    break;
                case "--workers" when ParseWorkers(value) is { } list:
                    workers = list;
                    i++;
                    break;
                default:
                    if (count is null && int.TryParse(args[i], CultureInfo.InvariantCulture, out var n))
                    {
                        count = n;
                    }
                    else
                    {
                        error = $"Unexpected argument: {args[i]}";
                    }

                    break;
            }
        }

        if (postgres && name != "orchestration")
        {
            error = "--database postgresql is only for bench orchestration.";
        }

        return new BenchArguments(name, count, postgres, connection, workers, error);
    }

    private static List<int>? ParseWorkers(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 32)
            {
                return null;
            }

            list.Add(n);
        }

        return list.Count > 0 ? list : null;
    }
}
