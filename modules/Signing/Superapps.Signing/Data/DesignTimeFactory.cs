using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Superapps.Modularity;

namespace Superapps.Signing.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SigningDbContext>
{
    public SigningDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SigningDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=design_time", SigningDbContext.Schema);
        return new SigningDbContext(options.Options);
    }
}
