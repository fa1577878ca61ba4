using Microsoft.EntityFrameworkCore;
using Superapps.Modularity;
using Microsoft.EntityFrameworkCore.Design;

namespace Superapps.Notifications.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NotificationsDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=design_time", NotificationsDbContext.Schema);
        return new NotificationsDbContext(options.Options);
    }
}
