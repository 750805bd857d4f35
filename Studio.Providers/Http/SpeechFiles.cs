using Studio.Core.Common;
using Studio.Core.Media;
using Studio.Core.Storage;
using Studio.Core.Voice;

namespace Studio.Providers.Http;

/// <summary>Saves a hosted voice's audio to a scratch file and measures it.</summary>
internal static class SpeechFiles
{
    /// <summary>Streams <paramref name="content"/> into a new scratch file and probes its duration; deletes the file if it is not audio.</summary>
    public static async Task<SpeechAudio> SaveAsync(HttpContent content, string extension, StudioPaths paths, IMediaEngine media, string engineName, CancellationToken ct)
    {
        var file = paths.NewTempFile(extension);
        try
        {
            var target = File.Create(file);
            await using (target.ConfigureAwait(false))
            {
                await content.CopyToAsync(target, ct).ConfigureAwait(false);
            }

            var info = await media.ProbeAsync(file, ct).ConfigureAwait(false);
            if (!info.HasAudio || info.Duration <= TimeSpan.Zero)
            {
                throw new VoiceException(StoredText.Of("{0} sent something that is not audio.", engineName));
            }

            return new SpeechAudio(file, info.Duration);
        }
        catch (MediaProcessingException ex)
        {
            File.Delete(file);
            throw new VoiceException(StoredText.Of("{0} sent audio that could not be read.", engineName), ex);
        }
        catch
        {
            File.Delete(file);
            throw;
        }
    }
}
