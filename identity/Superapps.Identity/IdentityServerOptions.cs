using System.ComponentModel.DataAnnotations;

namespace Superapps.Identity;

/// <summary>Section <c>Superapps:Identity</c>: the issuer and the OIDC clients it knows.</summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Superapps:Identity";

    /// <summary>The public URL of this server, e.g. <c>http://127.0.0.1:5001/</c>.</summary>
    [Required]
    public Uri Issuer { get; set; } = null!;

    /// <summary>Allow plain HTTP (development on 127.0.0.1 only).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Clients registered (created or updated) on start.</summary>
    public List<ClientRegistration> Clients { get; set; } = [];

    /// <summary>Failed sign-ins in a row before the account locks.</summary>
    [Range(3, 20)]
    public int LockoutAttempts { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Roles that must use MFA, unless an administrator changes it (stored per role).</summary>
    public List<string> MfaRequiredRoles { get; set; } = ["admin"];

    /// <summary>The password every demo account gets (development only; generated on first run).</summary>
    public string? DemoPassword { get; set; }
}

/// <summary>An OIDC client (relying party).</summary>
public sealed class ClientRegistration
{
    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Null for a public client. Never in appsettings: from the environment or a secret store.</summary>
    public string? ClientSecret { get; set; }

    [Required]
    public string DisplayName { get; set; } = string.Empty;

    public List<Uri> RedirectUris { get; set; } = [];

    public List<Uri> PostLogoutRedirectUris { get; set; } = [];
}
