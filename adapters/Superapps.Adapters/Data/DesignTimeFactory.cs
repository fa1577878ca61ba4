using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Superapps.Modularity;

namespace Superapps.Adapters.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AdaptersDbContext>
{
    public AdaptersDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AdaptersDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=design_time", AdaptersDbContext.Schema);
        return new AdaptersDbContext(options.Options);
    }
}
