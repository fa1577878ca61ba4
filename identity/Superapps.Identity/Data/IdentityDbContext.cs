using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Superapps.Identity.Data;

/// <summary>Users, roles, sessions and OpenIddict's applications and tokens, in schema <c>identity</c>.</summary>
/// <remarks>
/// Add a migration with:
/// <code>dotnet ef migrations add &lt;Name&gt; --project identity/Superapps.Identity --context IdentityDbContext --output-dir Data/Migrations</code>
/// </remarks>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public const string Schema = "identity";

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<RoleSecurityPolicy> RolePolicies => Set<RoleSecurityPolicy>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);

        // Table names in the same snake_case as every other schema.
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().ToTable("oidc_applications");
        builder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization>().ToTable("oidc_authorizations");
        builder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreScope>().ToTable("oidc_scopes");
        builder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().ToTable("oidc_tokens");
        builder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
    }
}

/// <summary>A login account. Organisation data (OPD, positions) stays in the Organization module, linked by <see cref="EmployeeId"/>.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public Guid? EmployeeId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A disabled account cannot sign in and gets no tokens; its sessions are ended.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One sign-in on one device: what a user sees under "active sessions" and can end.</summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: signed-out, ended-by-user, ended-by-admin, account-disabled.</summary>
    public string? EndReason { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>OpenIddict authorizations issued in this session, revoked when it ends.</summary>
    public List<string> AuthorizationIds { get; set; } = [];

    public bool IsActive => EndedAt is null;
}

/// <summary>Per-role security settings an administrator chooses, e.g. "MFA required for admins".</summary>
public sealed class RoleSecurityPolicy
{
    public string RoleName { get; set; } = string.Empty;

    public bool RequireMfa { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.EndReason).HasMaxLength(40);
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(400);
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.IsActive);
    }
}

internal sealed class RoleSecurityPolicyConfiguration : IEntityTypeConfiguration<RoleSecurityPolicy>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<RoleSecurityPolicy> builder)
    {
        builder.ToTable("role_security_policies");
        builder.HasKey(p => p.RoleName);
        builder.Property(p => p.RoleName).HasMaxLength(256);
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasIndex(u => u.EmployeeId).IsUnique().HasFilter("employee_id IS NOT NULL");
    }
}
