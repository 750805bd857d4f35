using Studio.Core.Common;

namespace Studio.App.Features.Common;

/// <summary>The <c>page</c> and <c>pageSize</c> query of a listing route, checked the same way everywhere.</summary>
internal static class Paging
{
    /// <summary>Adds an error at <c>page</c> or <c>pageSize</c> when they are out of range; <paramref name="items"/> names what a page holds.</summary>
    public static void Check(int? page, int? pageSize, int maxPageSize, string items, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (page is < 1)
        {
            errors.Add("page", "Pages are numbered from 1.");
        }

        if (pageSize is < 1 || pageSize > maxPageSize)
        {
            errors.Add("pageSize", $"A page holds 1 to {maxPageSize} {items}.");
        }
    }
}
