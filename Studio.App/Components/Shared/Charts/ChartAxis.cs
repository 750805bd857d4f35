namespace Studio.App.Components.Shared.Charts;

/// <summary>
/// A value axis that fits the data: from zero to a "nice" maximum just above the largest value (1, 2 or 5 times a
/// power of ten per tick, about four ticks). One job reads 0–1, not a sliver on 0–20. Ticks are whole numbers, for
/// dollars too: MudChart 9.12 spaces its ticks by an integer (<c>YAxisTicks</c>), so a month under a dollar reads $0–$1.
/// </summary>
/// <param name="Max">The top of the axis.</param>
/// <param name="Step">The distance between two ticks.</param>
internal sealed record ChartAxis(double Max, double Step)
{
    private const int TargetTicks = 4;

    /// <summary>The axis for values up to <paramref name="largest"/>.</summary>
    public static ChartAxis For(double largest)
    {
        if (double.IsNaN(largest) || largest <= 0)
        {
            return new ChartAxis(1, 1);
        }

        var step = Math.Max(1, NiceStep(largest / TargetTicks));
        var max = Math.Ceiling(Math.Round(largest / step, 9)) * step;
        return new ChartAxis(max, step);
    }

    /// <summary>The tick values from 0 to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks => [.. Enumerable.Range(0, (int)Math.Round(Max / Step) + 1).Select(i => i * Step)];

    private static double NiceStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
