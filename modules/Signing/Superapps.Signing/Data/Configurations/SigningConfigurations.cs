using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Signing.Domain;

namespace Superapps.Signing.Data.Configurations;

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> builder)
    {
        builder.ToTable("authorities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        // One root and one intermediate: a second instance racing the first cannot add another.
        builder.HasIndex(a => a.Kind).IsUnique();
        builder.Property(a => a.Subject).HasMaxLength(500);
        builder.Property(a => a.Serial).HasMaxLength(64);
        builder.Ignore(a => a.Slug);
    }
}

internal sealed class SigningCertificateConfiguration : IEntityTypeConfiguration<SigningCertificate>
{
    public void Configure(EntityTypeBuilder<SigningCertificate> builder)
    {
        builder.ToTable("certificates");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Serial).IsUnique();
        builder.HasIndex(c => c.EmployeeId);
        builder.Property(c => c.Serial).HasMaxLength(64);
        builder.Property(c => c.Subject).HasMaxLength(500);
        builder.Property(c => c.RevocationReason).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.RevocationNote).HasMaxLength(500);
        builder.Property(c => c.RevokedBy).HasMaxLength(200);
        builder.Ignore(c => c.IsRevoked);
    }
}

internal sealed class SignerStateConfiguration : IEntityTypeConfiguration<SignerState>
{
    public void Configure(EntityTypeBuilder<SignerState> builder)
    {
        builder.ToTable("signers");
        builder.HasKey(s => s.EmployeeId);
        builder.Property(s => s.EmployeeId).ValueGeneratedNever();
        builder.Property(s => s.Nik).HasMaxLength(16);
    }
}

internal sealed class SignedDocumentConfiguration : IEntityTypeConfiguration<SignedDocumentRecord>
{
    public void Configure(EntityTypeBuilder<SignedDocumentRecord> builder)
    {
        builder.ToTable("signed_documents");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.HasIndex(d => d.Sha256);
        builder.HasIndex(d => new { d.SourceModule, d.SourceId });
        builder.Property(d => d.VerificationCode).HasMaxLength(64);
        builder.Property(d => d.Number).HasMaxLength(200);
        builder.Property(d => d.Issuer).HasMaxLength(300);
        builder.Property(d => d.SignerName).HasMaxLength(200);
        builder.Property(d => d.SignerTitle).HasMaxLength(300);
        builder.Property(d => d.SourceModule).HasMaxLength(50);
        builder.Property(d => d.Reason).HasMaxLength(300);
        builder.Property(d => d.Provider).HasMaxLength(20);
        builder.Property(d => d.CertificateSerial).HasMaxLength(64);
        builder.Property(d => d.CertificateSubject).HasMaxLength(500);
        builder.Property(d => d.Sha256).HasMaxLength(64);
    }
}
