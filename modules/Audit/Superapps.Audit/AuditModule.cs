using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Superapps.Audit.Data;
using Superapps.Modularity;
using Superapps.SharedKernel;

namespace Superapps.Audit;

public static class AuditModule
{
    /// <summary>Adds the audit trail (<see cref="IAuditTrail"/>) and the current actor from the HTTP context.</summary>
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddDbContextFactory<AuditDbContext>((sp, o) => Configure(o, sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddScoped<ICurrentActor, HttpCurrentActor>();
        services.TryAddScoped<IAuditTrail, AuditTrail>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<AuditDbContext>(order: 1);
        return services;
    }

    internal static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseModuleDatabase(dataSource, AuditDbContext.Schema);
}

internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string? UserId => User?.FindFirstValue("sub") ?? User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string DisplayName => User?.FindFirstValue("name") ?? User?.FindFirstValue(ClaimTypes.Name) ?? "sistem";

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}

/// <summary>Each record is written through a context of its own, so two changes audited at once in one Blazor circuit never share one.</summary>
internal sealed class AuditTrail(IDbContextFactory<AuditDbContext> contexts, ICurrentActor actor, TimeProvider clock) : IAuditTrail
{
    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Entries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = clock.GetUtcNow(),
            ActorId = actor.UserId,
            ActorName = actor.DisplayName,
            IpAddress = actor.IpAddress,
            Module = auditEvent.Module,
            Action = auditEvent.Action,
            EntityType = auditEvent.EntityType,
            EntityId = auditEvent.EntityId,
            Summary = auditEvent.Summary,
            Data = auditEvent.Data is null ? null : JsonSerializer.Serialize(auditEvent.Data),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
