using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.App.Components.Shared;
using Studio.Core.Accounts;
using Studio.Core.Admin;
using Studio.Core.Jobs;

namespace Studio.App.Components.Admin;

/// <summary>Users with role, budget and this month's spending; create a user (errors at their field), change a role, set a budget.</summary>
public sealed partial class AdminUsersPanel : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private readonly Dictionary<string, decimal?> _budgets = [];
    private Dictionary<string, string> _fieldErrors = [];
    private IReadOnlyList<AdminUserRow>? _users;
    private string? _loadError;
    private string? _email;
    private string? _password;
    private string _role = StudioRoles.User;
    private string? _created;
    private string? _message;
    private bool _messageIsError;
    private bool _busy;

    [Inject]
    private AdminUsers Admin { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _loadError = null;
            _users = await Admin.ListAsync(_disposed.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _loadError = ex.Message;
        }
    }

    private string? FieldError(string field) => _fieldErrors.GetValueOrDefault(field);

    private decimal? BudgetDraft(AdminUserRow user) =>
        _budgets.TryGetValue(user.Id, out var draft) ? draft : user.MonthlyBudgetUsd;

    private async Task CreateAsync()
    {
        _created = null;
        _fieldErrors = [];
        if (string.IsNullOrWhiteSpace(_email))
        {
            _fieldErrors["email"] = L["Enter an e-mail address."];
        }

        if (string.IsNullOrEmpty(_password))
        {
            _fieldErrors["password"] = L["Enter a password."];
        }

        if (_fieldErrors.Count > 0)
        {
            return;
        }

        _busy = true;
        try
        {
            var adminId = await AuthenticationState.RequireUserIdAsync();
            var result = await Admin.CreateAsync(adminId, new NewUser(_email, _password, _role), _disposed.Token);
            if (result.User is { } user)
            {
                _created = user.Email;
                _email = _password = null;
                _role = StudioRoles.User;
                await LoadAsync();
            }
            else
            {
                // Identity's password rules come in English from Core; each list of messages stays at its field.
                _fieldErrors = result.Errors!.ToDictionary().ToDictionary(e => e.Key, e => string.Join(" ", e.Value), StringComparer.Ordinal);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SetRoleAsync(AdminUserRow user, string role)
    {
        var adminId = await AuthenticationState.RequireUserIdAsync();
        await RunAsync(
            () => Admin.SetRoleAsync(adminId, user.Id, role, _disposed.Token),
            L["{0} is now {1}. It takes effect at their next sign-in.", user.Email, role == StudioRoles.Admin ? L["Admin"] : L["User"]]);
    }

    private async Task SetBudgetAsync(AdminUserRow user)
    {
        var adminId = await AuthenticationState.RequireUserIdAsync();
        var amount = _budgets[user.Id];
        var done = await RunAsync(
            () => Admin.SetBudgetAsync(adminId, user.Id, amount, _disposed.Token),
            amount is { } usd
                ? L["{0}'s monthly budget is now {1}.", user.Email, Formats.Usd(usd)]
                : L["{0} has the default budget again.", user.Email]);
        if (done)
        {
            _budgets.Remove(user.Id);
        }
    }

    private async Task<bool> RunAsync(Func<Task<JobCommandResult>> command, string success)
    {
        _busy = true;
        try
        {
            var result = await command();
            _messageIsError = result.Outcome != JobCommandOutcome.Done;
            _message = result.Outcome switch
            {
                JobCommandOutcome.Done => success,
                JobCommandOutcome.NotFound => L["That user no longer exists."],
                _ => result.Reason ?? result.Outcome.ToString(),
            };
            await LoadAsync();
            return !_messageIsError;
        }
        finally
        {
            _busy = false;
        }
    }
}
