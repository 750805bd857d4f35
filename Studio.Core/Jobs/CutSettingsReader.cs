using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Studio.Core.Assembly;
using Studio.Core.Assets;
using Studio.Core.Common;
using Studio.Core.Media;
using Studio.Core.Persistence;
using Studio.Core.Scripts;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Core.Voice;

namespace Studio.Core.Jobs;

/// <summary>
/// Checks the finish a job asks for — language, voice, captions, music, transition — and fills what it leaves out
/// from the template. Every bad value is reported under its API field name.
/// </summary>
public sealed class CutSettingsReader(VoiceCatalog voices, IMediaEngine media, IFileStore files, StudioPaths paths, IStringLocalizer<CutSettingsReader> L, IStringLocalizer<StoredText> words)
{
    /// <summary>The shortest music track accepted.</summary>
    public static readonly TimeSpan MinMusicDuration = TimeSpan.FromSeconds(1);

    /// <summary>The settings, or null with <paramref name="errors"/> filled.</summary>
    public async Task<CutSettings?> ReadAsync(StudioDbContext db, string ownerId, CreateJobCommand command, VideoTemplate template, ValidationErrors errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(errors);
        var language = command.Language is null ? template.Language : NarrationLanguages.Normalize(command.Language);
        if (language is null)
        {
            errors.Add("language", L["Unknown language '{0}'; use {1}.", TextInput.Clean(command.Language), string.Join(L[" or "].Value, NarrationLanguages.All)]);
        }

        var transition = template.Transition;
        if (command.Transition is not null && !TryParseTransition(command.Transition, out transition))
        {
            errors.Add("transition", L["Unknown transition '{0}'; use cut, crossfade or fade.", TextInput.Clean(command.Transition)]);
        }

        var voice = CheckVoice(command.Voice, language ?? template.Language, errors);
        if (command.MusicAssetId is { } musicId)
        {
            await CheckMusicAsync(db, ownerId, musicId, errors, ct).ConfigureAwait(false);
        }

        return errors.IsEmpty ? new CutSettings(language!, voice, command.Captions ?? template.Captions, command.MusicAssetId, transition) : null;
    }

    /// <summary>Reads "cut", "crossfade" or "fade" (any case).</summary>
    public static bool TryParseTransition(string value, out TransitionStyle transition)
    {
        transition = TransitionStyle.Cut;
        return !string.IsNullOrWhiteSpace(value)
            && !int.TryParse(value, out _)
            && Enum.TryParse(value.Trim(), ignoreCase: true, out transition)
            && Enum.IsDefined(transition);
    }

    private VoiceChoice? CheckVoice(VoiceChoice? asked, string language, ValidationErrors errors)
    {
        if (asked is null)
        {
            return null;
        }

        var engine = string.IsNullOrWhiteSpace(asked.Engine) ? null : voices.Find(asked.Engine.Trim());
        if (engine is null)
        {
            errors.Add("voice.engine", L["Unknown voice engine '{0}'; use {1}.", TextInput.Clean(asked.Engine), string.Join(", ", voices.All.Select(v => v.Name))]);
            return null;
        }

        if (!engine.IsConfigured)
        {
            errors.Add("voice.engine", L["{0} is not set up on this server (no API key); choose another engine.", engine.DisplayName]);
            return null;
        }

        var name = string.IsNullOrWhiteSpace(asked.Voice) ? null : TextInput.Clean(asked.Voice);
        if (name is { Length: > 100 })
        {
            errors.Add("voice.voice", L["A voice name is at most {0} characters long.", 100]);
            return null;
        }

        if (engine.CheckVoice(name, language) is { } problem)
        {
            // The engine's sentence, in the reader's language.
            errors.Add("voice.voice", problem.Word(words));
            return null;
        }

        return new VoiceChoice(engine.Name, name);
    }

    private async Task CheckMusicAsync(StudioDbContext db, string ownerId, Guid assetId, ValidationErrors errors, CancellationToken ct)
    {
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId && a.OwnerId == ownerId, ct).ConfigureAwait(false);
        if (asset is null)
        {
            errors.Add("musicAssetId", L["There is no such asset among your uploads."]);
            return;
        }

        if (asset.Kind != AssetKind.Audio)
        {
            errors.Add("musicAssetId", asset.Kind == AssetKind.Image
                ? L["That asset is an image, not audio; music needs an MP3, WAV or M4A upload."]
                : L["That asset is a video, not audio; music needs an MP3, WAV or M4A upload."]);
            return;
        }

        if (!await files.ExistsAsync(asset.StoredFile, ct).ConfigureAwait(false))
        {
            errors.Add("musicAssetId", L["The music file of that asset is missing; upload it again."]);
            return;
        }

        // FFprobe reads by path: a store off local disk (S3) gives a scratch copy.
        var scratch = new List<string>();
        try
        {
            var path = await files.LocalPathAsync(asset.StoredFile, paths, scratch, ct).ConfigureAwait(false);
            var info = await media.ProbeAsync(path, ct).ConfigureAwait(false);
            if (!info.HasAudio || info.Duration < MinMusicDuration)
            {
                errors.Add("musicAssetId", info.HasAudio ? L["The music track is shorter than a second."] : L["That file has no sound track."]);
            }
        }
        catch (MediaProcessingException)
        {
            errors.Add("musicAssetId", L["That file could not be read as audio."]);
        }
        catch (FileNotFoundException)
        {
            errors.Add("musicAssetId", L["The music file of that asset is missing; upload it again."]);
        }
        finally
        {
            scratch.ForEach(File.Delete);
        }
    }
}
