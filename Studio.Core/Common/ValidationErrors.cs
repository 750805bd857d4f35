namespace Studio.Core.Common;

/// <summary>Field-level validation messages, keyed by the field's API name (e.g. "theme").</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no field has a message.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Every message, whatever its field.</summary>
    public IEnumerable<string> Messages => _errors.Values.SelectMany(m => m);

    /// <summary>Adds a message to a field.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>The messages, in the shape of ASP.NET Core's validation problem details.</summary>
    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
