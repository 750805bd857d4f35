namespace Studio.Core.Drafts;

/// <summary>A user's unfinished new video: one row per user, its content as JSON, replaced as the wizard changes.</summary>
public sealed class WizardDraft
{
    /// <summary>Longest content kept, in characters (a full storyboard of long prompts fits with room to spare).</summary>
    public const int MaxContentLength = 200_000;

    /// <summary>Creates a draft for <paramref name="ownerId"/>.</summary>
    public WizardDraft(Guid id, string ownerId, string content, DateTimeOffset updatedAt)
    {
        Id = id;
        OwnerId = ownerId;
        Content = content;
        UpdatedAt = updatedAt;
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The user it belongs to (one draft per user).</summary>
    public string OwnerId { get; private set; }

    /// <summary>The wizard's content, as JSON (<see cref="WizardDraftContent"/>).</summary>
    public string Content { get; private set; }

    /// <summary>When it was last saved (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Replaces the content.</summary>
    public void Replace(string content, DateTimeOffset now)
    {
        Content = content;
        UpdatedAt = now;
    }
}
