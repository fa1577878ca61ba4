using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Superapps.Letters.Data;
using Superapps.Letters.Data.Seed;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Inbox;
using Superapps.Letters.Features.Registration;
using Superapps.Modularity;

namespace Superapps.Letters;

/// <summary>Registers the Letters module in a host.</summary>
public static class LettersModule
{
    /// <summary>Adds letters, dispositions and their data. Needs an <see cref="NpgsqlDataSource"/> and the organisation directory.</summary>
    public static IServiceCollection AddLettersModule(this IServiceCollection services)
    {
        services.AddOptions<LettersOptions>().BindConfiguration(LettersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContext<LettersDbContext>((sp, options) => ConfigureDbContext(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<LettersDbContext>(order: 30);
        services.AddSingleton<IDatabaseInitializer, ClassificationSeeder>();
        services.TryAddScoped<LetterRegistration>();
        services.TryAddScoped<LetterDesk>();
        services.TryAddScoped<Viewers>();
        services.TryAddScoped<InboxQueries>();
        services.AddPortalModule<LettersPortalModule>();
        return services;
    }

    internal static void ConfigureDbContext(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, Npgsql).UseSnakeCaseNamingConvention();

    internal static void ConfigureDbContext(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, Npgsql).UseSnakeCaseNamingConvention();

    private static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__EFMigrationsHistory", LettersDbContext.Schema);
}

/// <summary>The Letters module as the portal shell sees it. Its pages arrive with the inbox.</summary>
public sealed class LettersPortalModule : IPortalModule
{
    public string Name => LettersDbContext.Schema;

    public Assembly PagesAssembly => typeof(LettersPortalModule).Assembly;

    public IReadOnlyList<NavigationItem> Navigation { get; } = [];

    public void AddPolicies(AuthorizationOptions options)
    {
    }
}
