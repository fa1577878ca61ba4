using Microsoft.EntityFrameworkCore;
using Superapps.Notifications.Domain;

namespace Superapps.Notifications.Data;

/// <summary>The Notifications module's data, in schema <c>notifications</c>: notices, the delivery outbox, and preferences.</summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project modules/Notifications/Superapps.Notifications --context NotificationsDbContext --output-dir Data/Migrations</code>
/// </remarks>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public const string Schema = "notifications";

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<Preference> Preferences => Set<Preference>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
    }
}
