using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Costs;

/// <summary>What a video costs besides its clips, under <c>Studio:Costs</c>. Clip prices live with each provider.</summary>
public sealed class CostOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Costs";

    /// <summary>A storyboard written by a hosted model, per video. Default $0.01.</summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal HostedScriptUsd { get; set; } = 0.01m;

    /// <summary>A voice-over spoken by a hosted voice, per video. Default $0.02.</summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal HostedVoiceUsd { get; set; } = 0.02m;
}
