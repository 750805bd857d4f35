using Studio.Core.Jobs;

namespace Studio.App.Features.Jobs;

/// <summary>One clip made for a segment, as the API shows it.</summary>
public sealed record TakeResponse(int Number, string Provider, string Prompt, decimal CostUsd, DateTimeOffset CreatedAt, bool Selected)
{
    public static TakeResponse From(TakeDetails t) => new(t.Number, t.Provider, t.Prompt, t.CostUsd, t.CreatedAt, t.IsSelected);
}
