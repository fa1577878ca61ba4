using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.Organization.Domain;

namespace Superapps.Organization.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("agencies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Code).HasMaxLength(30).IsRequired();
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ShortName).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Address).HasMaxLength(300);
        builder.Property(a => a.PostalCode).HasMaxLength(5);
        builder.Property(a => a.Telephone).HasMaxLength(50);
        builder.Property(a => a.Fax).HasMaxLength(50);
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.Property(a => a.Website).HasMaxLength(200);
        builder.Ignore(a => a.Letterhead);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganizationUnitConfiguration : IEntityTypeConfiguration<OrganizationUnit>
{
    public void Configure(EntityTypeBuilder<OrganizationUnit> builder)
    {
        builder.ToTable("units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Code).HasMaxLength(30).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(u => new { u.AgencyId, u.Code }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("positions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(250).IsRequired();
        builder.Property(p => p.Level).HasConversion<int>();
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => p.AgencyId);
        builder.HasIndex(p => p.ReportsToId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganizationUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany().HasForeignKey(p => p.ReportsToId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.ToTable("employees");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Nip).HasMaxLength(18).IsFixedLength();
        builder.HasIndex(e => e.Nip).IsUnique().HasFilter("nip IS NOT NULL");
        builder.Property(e => e.Nik).HasMaxLength(16).IsFixedLength();
        builder.Property(e => e.Name).HasMaxLength(150).IsRequired();
        builder.Property(e => e.Email).HasMaxLength(254);
        builder.HasIndex(e => e.Email).IsUnique().HasFilter("email IS NOT NULL");
        builder.Property(e => e.Phone).HasMaxLength(30);
        builder.Property(e => e.Rank).HasMaxLength(60);
        builder.Property(e => e.Grade).HasMaxLength(10);
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasIndex(e => e.AgencyId);

        // One definitive holder per position.
        builder.HasIndex(e => e.PositionId).IsUnique().HasFilter("position_id IS NOT NULL");
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany().HasForeignKey(e => e.PositionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActingAssignmentConfiguration : IEntityTypeConfiguration<ActingAssignment>
{
    public void Configure(EntityTypeBuilder<ActingAssignment> builder)
    {
        builder.ToTable("acting_assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.DecreeNumber).HasMaxLength(100);
        builder.HasIndex(a => new { a.PositionId, a.Start });
        builder.HasIndex(a => a.EmployeeId);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany().HasForeignKey(a => a.PositionId).OnDelete(DeleteBehavior.Restrict);
    }
}
