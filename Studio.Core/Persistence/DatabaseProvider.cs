namespace Studio.Core.Persistence;

/// <summary>The database engine Studio keeps its data in.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file under the data folder (the default): one process, nothing to run beside Studio.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by several web nodes and workers.</summary>
    PostgreSql,
}
