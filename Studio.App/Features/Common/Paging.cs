using Studio.Core.Common;
using Microsoft.Extensions.Localization;

namespace Studio.App.Features.Common;

/// <summary>The <c>page</c> and <c>pageSize</c> query of a listing route, checked the same way everywhere.</summary>
internal static class Paging
{
    /// <summary>Adds an error at <c>page</c> or <c>pageSize</c> when they are out of range, in the caller's language.</summary>
    public static void Check(int? page, int? pageSize, int maxPageSize, IStringLocalizerFactory localizers, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(localizers);
        ArgumentNullException.ThrowIfNull(errors);
        var L = localizers.Create(typeof(Paging));
        if (page is < 1)
        {
            errors.Add("page", L["Pages are numbered from 1."]);
        }

        if (pageSize is < 1 || pageSize > maxPageSize)
        {
            errors.Add("pageSize", L["A page holds 1 to {0} items.", maxPageSize]);
        }
    }
}
