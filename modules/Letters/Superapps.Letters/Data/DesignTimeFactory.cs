using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Superapps.Letters.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LettersDbContext>
{
    public LettersDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LettersDbContext>();
        LettersModule.ConfigureDbContext(options, "Host=127.0.0.1;Database=design_time");
        return new LettersDbContext(options.Options);
    }
}
