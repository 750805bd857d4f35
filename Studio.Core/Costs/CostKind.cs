namespace Studio.Core.Costs;

/// <summary>What a cost entry paid for.</summary>
public enum CostKind
{
    /// <summary>A generation a video provider accepted.</summary>
    Clip,

    /// <summary>A failed generation's charge given back by its provider (a negative amount).</summary>
    Refund,

    /// <summary>A storyboard written by a hosted model.</summary>
    Script,

    /// <summary>A voice-over spoken by a hosted voice.</summary>
    Voice,
}
