using Studio.Core.Drafts;

namespace Studio.App.Components.Wizard;

/// <summary>A user's change to one storyboard card.</summary>
/// <param name="Index">The segment, from 0.</param>
/// <param name="Segment">The card as it now stands.</param>
public sealed record WizardSegmentEdit(int Index, WizardDraftSegment Segment);
