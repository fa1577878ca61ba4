using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Superapps.Modularity;

namespace Superapps.Tickets.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TicketsDbContext>
{
    public TicketsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TicketsDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=design_time", TicketsDbContext.Schema);
        return new TicketsDbContext(options.Options);
    }
}
