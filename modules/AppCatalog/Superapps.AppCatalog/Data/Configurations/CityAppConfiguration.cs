using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Superapps.AppCatalog.Domain;

namespace Superapps.AppCatalog.Data.Configurations;

internal sealed class CityAppConfiguration : IEntityTypeConfiguration<CityApp>
{
    public void Configure(EntityTypeBuilder<CityApp> builder)
    {
        builder.ToTable("apps");
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => a.OwnerAgencyId);
        builder.HasIndex(a => a.Status);
        builder.Property(a => a.Slug).HasMaxLength(AppSlug.MaxLength);
        builder.Property(a => a.Name).HasMaxLength(CityApp.MaxNameLength);
        builder.Property(a => a.OwnerAgencyName).HasMaxLength(CityApp.MaxNameLength);
        builder.Property(a => a.Vendor).HasMaxLength(CityApp.MaxShortLength);
        builder.Property(a => a.Url).HasMaxLength(CityApp.MaxUrlLength);
        builder.Property(a => a.Purpose).HasMaxLength(CityApp.MaxTextLength);
        builder.Property(a => a.Users).HasMaxLength(CityApp.MaxTextLength);
        builder.Property(a => a.Technology).HasMaxLength(CityApp.MaxShortLength);
        builder.Property(a => a.Hosting).HasMaxLength(CityApp.MaxShortLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.DecisionReasons).HasMaxLength(CityApp.MaxTextLength);
        builder.Property(a => a.AccessRoles).HasColumnType("text[]");
        builder.Property(a => a.AccessAgencyIds).HasColumnType("uuid[]");
        builder.Property(a => a.Upstream).HasMaxLength(CityApp.MaxUrlLength);
        builder.Property(a => a.Identity).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.HealthPath).HasMaxLength(CityApp.MaxShortLength);
        builder.Property(a => a.ReplacementPath).HasMaxLength(ReplacementPath.MaxLength);
        builder.Property(a => a.RetirementNotice).HasMaxLength(CityApp.MaxTextLength);
        builder.Property(a => a.RetirementContact).HasMaxLength(CityApp.MaxShortLength);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.Access);
        builder.Ignore(a => a.Retirement);
    }
}

internal sealed class AppUsageDayConfiguration : IEntityTypeConfiguration<AppUsageDay>
{
    public void Configure(EntityTypeBuilder<AppUsageDay> builder)
    {
        // No foreign key to apps: a flush for an app deleted meanwhile must not fail the others.
        builder.ToTable("usage_days");
        builder.HasKey(u => new { u.AppId, u.Day });
        builder.HasIndex(u => u.Day);
        builder.Property(u => u.LatencyBuckets).HasColumnType("bigint[]");
    }
}

internal sealed class AppUsageUserConfiguration : IEntityTypeConfiguration<AppUsageUser>
{
    public void Configure(EntityTypeBuilder<AppUsageUser> builder)
    {
        builder.ToTable("usage_users");
        builder.HasKey(u => new { u.AppId, u.Day, u.UserRef });
        builder.Property(u => u.UserRef).HasMaxLength(200);
    }
}

internal sealed class DirectoryStampConfiguration : IEntityTypeConfiguration<DirectoryStamp>
{
    public void Configure(EntityTypeBuilder<DirectoryStamp> builder)
    {
        builder.ToTable("directory_stamp");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new DirectoryStamp { Id = 1, Value = 1 });
    }
}

internal sealed class AppHealthStateConfiguration : IEntityTypeConfiguration<AppHealthState>
{
    public void Configure(EntityTypeBuilder<AppHealthState> builder)
    {
        // No foreign key to apps, like the usage: a report for an app deleted meanwhile must not fail the others; deleting an app
        // deletes its health. A table of its own: a health change does not move the directory's stamp.
        builder.ToTable("app_health");
        builder.HasKey(h => h.AppId);
        builder.Property(h => h.Health).HasConversion<string>().HasMaxLength(20);
    }
}
