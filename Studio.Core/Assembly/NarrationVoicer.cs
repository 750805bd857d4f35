using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Jobs;
using Studio.Core.Media;
using Studio.Core.Voice;

namespace Studio.Core.Assembly;

/// <summary>Synthesises a job's narration, one line per segment, and fits each line to its segment (<see cref="SpeechFit"/>).</summary>
public sealed class NarrationVoicer(VoiceCatalog voices, IOptions<AssemblyOptions> options)
{
    /// <summary>
    /// The fitted lines (files in scratch, listed in <paramref name="scratch"/> for the caller to delete), or none when
    /// the job has no voice. Progress goes from 0 to 1 over the lines.
    /// </summary>
    /// <exception cref="MediaProcessingException">A line cannot be spoken, or is too long for its segment even sped up.</exception>
    public async Task<IReadOnlyList<(PlannedSpeech Speech, SpeechFit Fit)>> VoiceAsync(ProductionJob job, ICollection<string> scratch, IProgress<double>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(scratch);
        if (job.VoiceEngine is null)
        {
            return [];
        }

        var engine = voices.Find(job.VoiceEngine)
            ?? throw new MediaProcessingException(StoredText.Of("The voice engine '{0}' is not available on this server.", job.VoiceEngine));
        var settings = options.Value;
        var spoken = job.Segments.OrderBy(s => s.Index).Where(s => s.Narration.Length > 0).ToList();
        var lines = new List<(PlannedSpeech, SpeechFit)>(spoken.Count);
        foreach (var segment in spoken)
        {
            SpeechAudio audio;
            try
            {
                audio = await engine.SpeakAsync(new SpeechRequest(segment.Narration, job.Language, job.VoiceName), ct).ConfigureAwait(false);
            }
            catch (VoiceException ex)
            {
                // The engine's sentence is nested (worded for each reader); a vendor's own words inside it stay as written.
                throw new MediaProcessingException(StoredText.Of("The voice-over of segment {0} could not be made: {1}", segment.Index + 1, ex.Stored), ex);
            }

            scratch.Add(audio.File);
            var length = TimeSpan.FromSeconds(segment.Seconds);
            var fit = SpeechFit.For(audio.Duration, length, settings.SpeechLeadIn, settings.MaxSpeechTempo)
                ?? throw new MediaProcessingException(StoredText.Of(
                    "Segment {0}'s narration takes {1:0.0} s to say, too long for its {2} s even {3:0%} faster; shorten it.",
                    segment.Index + 1,
                    audio.Duration.TotalSeconds,
                    segment.Seconds,
                    settings.MaxSpeechTempo - 1));
            lines.Add((new PlannedSpeech(audio.File, segment.Index, fit.Offset, fit.Tempo), fit));
            progress?.Report((double)lines.Count / spoken.Count);
        }

        return lines;
    }
}
