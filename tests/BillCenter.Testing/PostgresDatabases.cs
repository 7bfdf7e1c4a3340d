using Npgsql;

namespace BillCenter.Testing;

/// <summary>Throwaway databases on the PostgreSQL server of scripts/test.sh.</summary>
public static class PostgresDatabases
{
    /// <summary>Creates a fresh, empty database and returns its name.</summary>
    public static string Create()
    {
        TestServices.RequirePostgres();
        var name = $"bc_test_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(TestServices.PostgresConnectionString);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        create.ExecuteNonQuery();
        return name;
    }

    /// <summary>The connection string of database <paramref name="name"/> for the test role.</summary>
    public static string ConnectionString(string name, int maxPoolSize = 30) =>
        new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Database = name, MaxPoolSize = maxPoolSize }.ConnectionString;

    /// <summary>Drops database <paramref name="name"/>, closing whatever still uses it.</summary>
    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
