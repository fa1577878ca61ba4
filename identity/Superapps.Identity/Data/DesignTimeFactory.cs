using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Superapps.Identity.Data;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=design_time", n => n.MigrationsHistoryTable("__EFMigrationsHistory", IdentityDbContext.Schema))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict()
            .Options);
}
