using System.ComponentModel.DataAnnotations;

namespace Superapps.Portal.Authentication;

/// <summary>Section <c>Superapps:Portal:Authentication</c>: how the portal signs users in through the identity server.</summary>
public sealed class PortalAuthenticationOptions
{
    public const string Section = "Superapps:Portal:Authentication";

    [Required]
    public Uri Authority { get; set; } = null!;

    [Required]
    public string ClientId { get; set; } = "portal";

    /// <summary>From the environment or a secret store; the development host generates one on first run.</summary>
    [Required]
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Allow plain HTTP (development on 127.0.0.1 only).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>How often an open page or a request re-checks that the identity session is still active.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(20);
}
