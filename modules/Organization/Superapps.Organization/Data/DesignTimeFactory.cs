using Microsoft.EntityFrameworkCore;
using Superapps.Modularity;
using Microsoft.EntityFrameworkCore.Design;

namespace Superapps.Organization.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OrganizationDbContext>
{
    public OrganizationDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OrganizationDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=design_time", OrganizationDbContext.Schema);
        return new OrganizationDbContext(options.Options);
    }
}
