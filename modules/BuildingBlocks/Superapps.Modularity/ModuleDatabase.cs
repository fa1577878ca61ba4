using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Superapps.Modularity;

/// <summary>How every module's DbContext talks to the one PostgreSQL database.</summary>
public static class ModuleDatabase
{
    /// <summary>
    /// PostgreSQL with snake_case names and the migrations history kept in the module's own schema, so that several
    /// modules' contexts in one database never collide.
    /// </summary>
    public static DbContextOptionsBuilder UseModuleDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource, string schema) =>
        options.UseNpgsql(dataSource, n => n.MigrationsHistoryTable("__EFMigrationsHistory", schema)).UseSnakeCaseNamingConvention();

    /// <summary>The same for a connection string (design time, benchmarks).</summary>
    public static DbContextOptionsBuilder UseModuleDatabase(this DbContextOptionsBuilder options, string connectionString, string schema) =>
        options.UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__EFMigrationsHistory", schema)).UseSnakeCaseNamingConvention();
}
