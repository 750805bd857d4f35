namespace Studio.Tests.Fakes.Hostile;

/// <summary>One hostile request: how to make its body, and the refusal it must get.</summary>
/// <param name="Name">What it is, for the test's name.</param>
/// <param name="Body">Makes the request body (fresh for each send).</param>
/// <param name="Status">The expected status code.</param>
/// <param name="Detail">A fragment the problem's detail must contain (case-insensitive).</param>
/// <param name="File">The one file the request carries, when the case is about the file (its bytes or its name) rather than the request's shape; null for broken requests.</param>
public sealed record HostileCase(string Name, Func<Task<HttpContent>> Body, int Status, string Detail, HostileFile? File = null)
{
    public override string ToString() => Name;
}
