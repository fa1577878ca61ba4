using Microsoft.EntityFrameworkCore;
using Superapps.Modularity;
using Microsoft.EntityFrameworkCore.Design;

namespace Superapps.Letters.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LettersDbContext>
{
    public LettersDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LettersDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=design_time", LettersDbContext.Schema);
        return new LettersDbContext(options.Options);
    }
}
