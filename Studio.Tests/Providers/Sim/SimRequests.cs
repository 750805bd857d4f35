using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Providers.Sim;

/// <summary>Generation requests for the sim tests: a square clip of 2 s by default, with a reference of its own.</summary>
public static class SimRequests
{
    public static GenerationRequest For(
        Guid? segmentId = null,
        string prompt = "A lighthouse at dawn",
        AspectRatio aspectRatio = AspectRatio.Square1x1,
        double seconds = 2,
        string? reference = null)
    {
        var segment = segmentId ?? Guid.NewGuid();
        return new GenerationRequest(segment, prompt, "", GenerationMode.TextToVideo, aspectRatio, TimeSpan.FromSeconds(seconds), null)
        {
            Reference = reference ?? $"{segment:N}-t1-a1",
        };
    }
}
