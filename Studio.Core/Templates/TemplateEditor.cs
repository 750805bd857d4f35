using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Studio.Core.Assembly;
using Studio.Core.Audit;
using Studio.Core.Common;
using Studio.Core.Persistence;
using Studio.Core.Providers;
using Studio.Core.Scripts;
using Studio.Core.Segments;

namespace Studio.Core.Templates;

/// <summary>
/// Creates, changes and deletes templates. Everyone signed in sees every template in use and may make new ones; a
/// template is changed or deleted by its author or an admin (the built-in ones by admins only). Every value is checked
/// and a refusal names the field. Jobs copy what they need from their template when they are created, so changing or
/// deleting a template never changes a job; a deleted template is archived, not removed.
/// </summary>
public sealed class TemplateEditor(IDbContextFactory<StudioDbContext> dbFactory, VideoProviderCatalog providers, TimeProvider time, IStringLocalizer<TemplateEditor> L)
{
    /// <summary>Most segments a template may have.</summary>
    public const int MaxSegments = 20;

    /// <summary>Shortest segment, in seconds.</summary>
    public const int MinSegmentSeconds = 2;

    /// <summary>Longest segment, in seconds.</summary>
    public const int MaxSegmentSeconds = 20;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = 500;

    /// <summary>Longest style prompt.</summary>
    public const int MaxStyleLength = 500;

    /// <summary>A template in use, or null (unknown or deleted).</summary>
    public async Task<VideoTemplate?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && !t.IsArchived, ct).ConfigureAwait(false);
    }

    /// <summary>Makes a template owned by <paramref name="userId"/>.</summary>
    public async Task<TemplateResult> CreateAsync(string userId, TemplateInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var (draft, errors) = await CheckAsync(db, input, null, ct).ConfigureAwait(false);
        if (draft is null)
        {
            return TemplateResult.Invalid(errors);
        }

        var template = VideoTemplate.Create(draft, userId, time.GetUtcNow());
        db.Templates.Add(template);
        Record(db, userId, "template.create", template);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return TemplateResult.Done(template);
    }

    /// <summary>Changes a template its author (or an admin) may change.</summary>
    public async Task<TemplateResult> UpdateAsync(string userId, bool isAdmin, Guid id, TemplateInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Id == id && !t.IsArchived, ct).ConfigureAwait(false);
        if (template is null)
        {
            return TemplateResult.NotFound;
        }

        if (!MayChange(template, userId, isAdmin))
        {
            return TemplateResult.Forbidden(template);
        }

        var (draft, errors) = await CheckAsync(db, input, id, ct).ConfigureAwait(false);
        if (draft is null)
        {
            return TemplateResult.Invalid(errors);
        }

        template.Update(draft, time.GetUtcNow());
        Record(db, userId, "template.update", template);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return TemplateResult.Done(template);
    }

    /// <summary>Deletes (archives) a template its author (or an admin) may change; jobs made from it are untouched.</summary>
    public async Task<TemplateResult> DeleteAsync(string userId, bool isAdmin, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Id == id && !t.IsArchived, ct).ConfigureAwait(false);
        if (template is null)
        {
            return TemplateResult.NotFound;
        }

        if (!MayChange(template, userId, isAdmin))
        {
            return TemplateResult.Forbidden(template);
        }

        template.Archive(time.GetUtcNow());
        Record(db, userId, "template.delete", template);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return TemplateResult.Done(template);
    }

    /// <summary>
    /// Copies a template in use, whoever owns it, as a new template of <paramref name="userId"/> named "Copy of …"
    /// (numbered when that name is taken), so a built-in or someone else's template can be adapted.
    /// </summary>
    public async Task<TemplateResult> DuplicateAsync(string userId, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var source = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && !t.IsArchived, ct).ConfigureAwait(false);
        if (source is null)
        {
            return TemplateResult.NotFound;
        }

        var inUse = (await db.Templates.AsNoTracking().Where(t => !t.IsArchived).Select(t => t.Name).ToListAsync(ct).ConfigureAwait(false))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var draft = new TemplateDraft(
            CopyName(source.Name, inUse), source.Description, source.AspectRatio, source.SegmentCount, source.SegmentSeconds,
            source.DefaultProvider, source.DefaultMode, source.StylePrompt, source.DefaultPrompts, source.Language, source.Transition, source.Captions);
        var copy = VideoTemplate.Create(draft, userId, time.GetUtcNow());
        db.Templates.Add(copy);
        Record(db, userId, "template.duplicate", copy);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return TemplateResult.Done(copy);
    }

    /// <summary>"Copy of <paramref name="name"/>", then "(2)", "(3)"… until it is free, kept within the name limit.</summary>
    internal static string CopyName(string name, IReadOnlySet<string> inUse)
    {
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? string.Empty : $" ({n})";
            var stem = $"Copy of {name}";
            var candidate = stem[..Math.Min(stem.Length, VideoTemplate.MaxNameLength - suffix.Length)].TrimEnd() + suffix;
            if (!inUse.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private void Record(StudioDbContext db, string userId, string action, VideoTemplate template) =>
        db.Audit.Add(AuditEntry.Now(time, userId, action, $"template/{template.Id}", template.Name, null));

    private static bool MayChange(VideoTemplate template, string userId, bool isAdmin) =>
        isAdmin || (template.OwnerId is not null && template.OwnerId == userId);

    private async Task<(TemplateDraft? Draft, ValidationErrors Errors)> CheckAsync(StudioDbContext db, TemplateInput input, Guid? self, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        var name = TextInput.Clean(input.Name);
        if (name.Length == 0)
        {
            errors.Add("name", L["Give the template a name."]);
        }
        else if (name.Length > VideoTemplate.MaxNameLength)
        {
            errors.Add("name", L["The name is {0} characters long; keep it to {1}.", name.Length, VideoTemplate.MaxNameLength]);
        }
        else
        {
            var inUse = await db.Templates.AsNoTracking().Where(t => !t.IsArchived && t.Id != self).Select(t => t.Name).ToListAsync(ct).ConfigureAwait(false);
            if (inUse.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add("name", L["A template named '{0}' already exists; choose another name.", name]);
            }
        }

        var description = TextInput.Clean(input.Description);
        if (description.Length > MaxDescriptionLength)
        {
            errors.Add("description", L["The description is {0} characters long; keep it to {1}.", description.Length, MaxDescriptionLength]);
        }

        AspectRatio? ratio = Enum.GetValues<AspectRatio>().Cast<AspectRatio?>()
            .FirstOrDefault(r => string.Equals(r!.Value.ToDisplay(), input.AspectRatio?.Trim(), StringComparison.Ordinal)
                || string.Equals(r.Value.ToString(), input.AspectRatio?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (ratio is null)
        {
            errors.Add("aspectRatio", L["Choose a frame shape: {0}.", string.Join(", ", Enum.GetValues<AspectRatio>().Select(r => r.ToDisplay()))]);
        }

        if (input.SegmentCount is not (>= 1 and <= MaxSegments))
        {
            errors.Add("segmentCount", L["A template has 1 to {0} segments.", MaxSegments]);
        }

        if (input.SegmentSeconds is not (>= MinSegmentSeconds and <= MaxSegmentSeconds))
        {
            errors.Add("segmentSeconds", L["A segment lasts {0} to {1} seconds.", MinSegmentSeconds, MaxSegmentSeconds]);
        }

        var mode = GenerationMode.TextToVideo;
        if (!string.IsNullOrWhiteSpace(input.DefaultMode)
            && !(Enum.TryParse(input.DefaultMode.Trim(), ignoreCase: true, out mode) && Enum.IsDefined(mode)))
        {
            errors.Add("defaultMode", L["Unknown mode '{0}'; use {1}.", TextInput.Clean(input.DefaultMode), string.Join(", ", Enum.GetNames<GenerationMode>())]);
        }

        var provider = providers.Find(TextInput.Clean(input.DefaultProvider));
        if (provider is null)
        {
            errors.Add("defaultProvider", L["Choose a provider of this server: {0}.", string.Join(", ", providers.All.Select(p => p.Name).Order(StringComparer.Ordinal))]);
        }
        else if (ratio is { } shape && input.SegmentSeconds is { } seconds && errors.IsEmpty)
        {
            CheckProvider(provider, shape, seconds, mode, errors);
        }

        var style = TextInput.Clean(input.StylePrompt);
        if (style.Length > MaxStyleLength)
        {
            errors.Add("stylePrompt", L["The style prompt is {0} characters long; keep it to {1}.", style.Length, MaxStyleLength]);
        }

        var prompts = (input.DefaultPrompts ?? []).Select(p => TextInput.Clean(p)).ToList();
        if (input.SegmentCount is { } count && prompts.Count > count)
        {
            errors.Add("defaultPrompts", L["The template has {0} segments; {1} prompts were given.", count, prompts.Count]);
        }

        for (var i = 0; i < prompts.Count; i++)
        {
            if (prompts[i].Length > Segment.MaxPromptLength)
            {
                errors.Add($"defaultPrompts[{i}]", L["Segment {0}'s prompt is {1} characters long; keep it to {2}.", i + 1, prompts[i].Length, Segment.MaxPromptLength]);
            }
        }

        var language = string.IsNullOrWhiteSpace(input.Language) ? NarrationLanguages.English : NarrationLanguages.Normalize(input.Language);
        if (language is null)
        {
            errors.Add("language", L["Unknown language '{0}'; use en or fr.", TextInput.Clean(input.Language)]);
        }

        var transition = TransitionStyle.Cut;
        if (!string.IsNullOrWhiteSpace(input.Transition)
            && !(Enum.TryParse(input.Transition.Trim(), ignoreCase: true, out transition) && Enum.IsDefined(transition)))
        {
            errors.Add("transition", L["Unknown transition '{0}'; use cut, crossfade or fade.", TextInput.Clean(input.Transition)]);
        }

        return errors.IsEmpty
            ? (new TemplateDraft(name, description, ratio!.Value, input.SegmentCount!.Value, input.SegmentSeconds!.Value, provider!.Name, mode, style, prompts, language!, transition, input.Captions ?? false), errors)
            : (null, errors);
    }

    private void CheckProvider(IVideoProvider provider, AspectRatio ratio, int seconds, GenerationMode mode, ValidationErrors errors)
    {
        var caps = provider.Capabilities;
        if (!caps.AspectRatios.Contains(ratio))
        {
            errors.Add("defaultProvider", L["{0} cannot render {1} videos.", provider.DisplayName, ratio.ToDisplay()]);
        }

        if (TimeSpan.FromSeconds(seconds) > caps.MaxDuration)
        {
            errors.Add("segmentSeconds", L["{0} fills segments of at most {1:0} s.", provider.DisplayName, caps.MaxDuration.TotalSeconds]);
        }

        if (!caps.Modes.Contains(mode))
        {
            errors.Add("defaultMode", L["{0} cannot do {1}.", provider.DisplayName, mode]);
        }
    }
}
