using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Studio.App.Hosting.Localization;

/// <summary>
/// Puts the title of every problem-details answer in the caller's language. Titles are written in English where the
/// answer is made (ours, and ASP.NET Core's defaults such as "One or more validation errors occurred."): they are the
/// keys of this class's French resource; a title without a translation stays as it is.
/// </summary>
internal sealed class ProblemTitles(IStringLocalizer<ProblemTitles> L)
{
    /// <summary>Translates the title of <paramref name="context"/>'s problem (the <c>CustomizeProblemDetails</c> hook).</summary>
    public void Translate(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Title is { Length: > 0 } title && L[title] is { ResourceNotFound: false } translated)
        {
            context.ProblemDetails.Title = translated.Value;
        }
    }
}
