using Studio.Core.Accounts;
using Studio.Core.Common;

namespace Studio.Core.Audit;

/// <summary>
/// The details of audit entries that hold words of ours around the data: stored as <see cref="StoredText"/>, so an
/// admin reads "(propriétaire …)" in French; titles, e-mails, ids and prompts stay as written.
/// </summary>
public static class AuditDetails
{
    /// <summary>"{title} (owner {ownerId})": an admin acted on someone's job.</summary>
    public static StoredText JobOfOwner(string title, string ownerId) => StoredText.Of("{0} (owner {1})", title, ownerId);

    /// <summary>"{title} (owner {ownerId}): {prompt}": an admin changed a segment's prompt.</summary>
    public static StoredText PromptOfJob(string title, string ownerId, string prompt) => StoredText.Of("{0} (owner {1}): {2}", title, ownerId, prompt);

    /// <summary>"{email} ({role})": a user was created.</summary>
    public static StoredText UserCreated(string email, string role) => StoredText.Of("{0} ({1})", email, Role(role));

    /// <summary>"{email}: {old roles} → {new role}": a user's role was changed.</summary>
    public static StoredText RoleChanged(string email, IEnumerable<string> from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        var old = from.Select(Role).Aggregate<StoredText, StoredText?>(null, (list, role) => list is null ? role : StoredText.Of("{0},{1}", list, role));
        return StoredText.Of("{0}: {1} → {2}", email, old ?? StoredText.Verbatim(string.Empty), Role(to));
    }

    /// <summary>"monthly budget" when one is set, "back to the default budget" when it is taken away (null).</summary>
    public static StoredText BudgetSet(decimal? monthlyUsd) =>
        monthlyUsd is null ? StoredText.Of("back to the default budget") : StoredText.Of("monthly budget");

    /// <summary>A role's name in the reader's language; a role Studio does not know as written.</summary>
    public static StoredText Role(string role) => role switch
    {
        StudioRoles.Admin => StoredText.Of("Admin"),
        StudioRoles.User => StoredText.Of("User"),
        _ => StoredText.Verbatim(role ?? string.Empty),
    };
}
