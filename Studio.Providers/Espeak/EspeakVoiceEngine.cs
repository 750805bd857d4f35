using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Media;
using Studio.Core.Scripts;
using Studio.Core.Storage;
using Studio.Core.Voice;

namespace Studio.Providers.Espeak;

/// <summary>
/// The offline voice: espeak-ng, run once per line, writing a WAV file. Robotic, but free, instant and private.
/// The text goes through standard input, so no line of narration is ever read as a command-line option.
/// </summary>
public sealed partial class EspeakVoiceEngine(IOptions<EspeakOptions> options, IMediaEngine media, StudioPaths paths) : IVoiceEngine
{
    /// <summary>The engine's name in jobs and the API.</summary>
    public const string EngineName = "espeak";

    /// <inheritdoc />
    public string Name => EngineName;

    /// <inheritdoc />
    public string DisplayName => "espeak-ng (offline)";

    /// <inheritdoc />
    public bool IsConfigured => true;

    /// <inheritdoc />
    public StoredText? CheckVoice(string? voice, string language)
    {
        if (voice is null)
        {
            return null;
        }

        // espeak-ng voice names: a language code, an optional region/variant and an optional "+variant" (en-gb, fr-be, en-us+f3).
        return VoiceName().IsMatch(voice) && voice.StartsWith(language, StringComparison.OrdinalIgnoreCase)
            ? null
            : StoredText.Of("'{0}' is not an espeak-ng voice for '{1}'; use e.g. {2}, or leave it out.", voice, language, language == NarrationLanguages.French ? "fr-fr, fr-be" : "en-us, en-gb");
    }

    /// <inheritdoc />
    public async Task<SpeechAudio> SpeakAsync(SpeechRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var voice = request.Voice ?? (request.Language == NarrationLanguages.French ? settings.FrenchVoice : settings.EnglishVoice);
        var output = paths.NewTempFile(".wav");
        var start = new ProcessStartInfo(settings.Binary)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in new[] { "-v", voice, "-s", settings.WordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", output, "--stdin" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new VoiceException(StoredText.Of("espeak-ng could not be started."));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.Timeout);
            try
            {
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                var outputText = process.StandardOutput.ReadToEndAsync(timeout.Token);
                await process.StandardInput.WriteAsync(request.Text.AsMemory(), timeout.Token).ConfigureAwait(false);
                process.StandardInput.Close();
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                await Task.WhenAll(errors, outputText).ConfigureAwait(false);
                if (process.ExitCode != 0 || !File.Exists(output))
                {
                    // espeak-ng's own words stay as written.
                    throw new VoiceException(StoredText.Of("espeak-ng could not read the line (exit code {0}): {1}", process.ExitCode, (await errors.ConfigureAwait(false)).Trim()));
                }
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                throw new VoiceException(StoredText.Of("espeak-ng took longer than {0} for one line.", settings.Timeout));
            }

            var info = await media.ProbeAsync(output, ct).ConfigureAwait(false);
            return new SpeechAudio(output, info.Duration);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            File.Delete(output);
            throw new VoiceException(StoredText.Of("espeak-ng is not installed ('{0}' was not found); install the espeak-ng package.", settings.Binary), ex);
        }
        catch
        {
            File.Delete(output);
            throw;
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{1,8})*(\\+[a-z0-9]{1,12})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VoiceName();
}
