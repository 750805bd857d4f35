namespace Studio.Tests.Api;

/// <summary>
/// A redis-server and two app hosts on it sharing one database, as two web nodes of one Studio: started once for a
/// test class (each test uses users and owners of its own).
/// </summary>
public sealed class RedisAppHosts : IAsyncLifetime
{
    public RedisServer Server { get; } = new();

    public string Prefix { get; } = RedisServer.NewPrefix();

    public RedisAppFactory A { get; private set; } = null!;

    public RedisAppFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        A = new RedisAppFactory(Server.Connection, Prefix);
        _ = A.Services; // starts it: migrates the shared database and creates the admin first
        B = new RedisAppFactory(Server.Connection, Prefix, A.DataDirectory);
        _ = B.Services;
    }

    public async Task DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        Server.Dispose();
    }
}
