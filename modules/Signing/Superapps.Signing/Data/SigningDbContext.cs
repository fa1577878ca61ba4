using Microsoft.EntityFrameworkCore;
using Superapps.Signing.Domain;

namespace Superapps.Signing.Data;

/// <summary>The Signing module's data, in schema <c>signing</c>: the city CA, signing certificates, lockouts and signed documents.</summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project modules/Signing/Superapps.Signing --context SigningDbContext --output-dir Data/Migrations</code>
/// </remarks>
public sealed class SigningDbContext(DbContextOptions<SigningDbContext> options) : DbContext(options)
{
    public const string Schema = "signing";

    public DbSet<Authority> Authorities => Set<Authority>();

    public DbSet<SigningCertificate> Certificates => Set<SigningCertificate>();

    public DbSet<SignerState> Signers => Set<SignerState>();

    public DbSet<SignedDocumentRecord> SignedDocuments => Set<SignedDocumentRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SigningDbContext).Assembly);
    }
}
