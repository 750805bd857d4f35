namespace Studio.Core.Assembly;

/// <summary>Maps one step's progress (0 to 1) onto its share [<paramref name="from"/>, <paramref name="to"/>] of the whole.</summary>
internal sealed class ScaledProgress(IProgress<double>? target, double from, double to) : IProgress<double>
{
    /// <inheritdoc />
    public void Report(double value) => target?.Report(from + ((to - from) * Math.Clamp(value, 0, 1)));
}
