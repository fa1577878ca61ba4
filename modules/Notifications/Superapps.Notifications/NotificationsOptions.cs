using System.ComponentModel.DataAnnotations;

namespace Superapps.Notifications;

/// <summary>How e-mail's secured on the way to the SMTP server.</summary>
public enum SmtpTlsMode
{
    /// <summary>STARTTLS when the server offers it (MailKit's <c>Auto</c>).</summary>
    Auto = 0,

    /// <summary>Plain text: only for a relay on the same machine or network.</summary>
    None = 1,

    /// <summary>STARTTLS required (port 587).</summary>
    StartTls = 2,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 3,
}

/// <summary>Settings of the Notifications module (section <c>Superapps:Notifications</c>). Passwords and tokens come from
/// the environment or a secret store, never from files in the repository.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Superapps:Notifications";

    /// <summary>The portal's public address, e.g. <c>https://superapps.kotademo.go.id/</c>, for links in e-mail and WhatsApp.
    /// Without it the links stay relative.</summary>
    public Uri? PortalUrl { get; set; }

    /// <summary>The SMTP server. Without it, e-mails are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public SmtpTlsMode SmtpTls { get; set; } = SmtpTlsMode.Auto;

    /// <summary>The SMTP user; no authentication when empty.</summary>
    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The sender, e.g. <c>Superapps Kota Demo &lt;noreply@kotademo.go.id&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "Superapps <noreply@superapps.local>";

    /// <summary>Where e-mails go when no SMTP server is configured. Defaults to <c>mail-pickup</c> under <c>Superapps:DataDirectory</c>.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The WhatsApp gateway's endpoint; it receives <c>POST {"to": "628…", "text": "…"}</c>. WhatsApp is off without it.</summary>
    public Uri? WhatsAppGatewayUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> to the gateway, when set.</summary>
    public string? WhatsAppToken { get; set; }

    /// <summary>Attempts per delivery before it is given up (the last error is kept).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to six hours.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the dispatcher looks for due deliveries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries claimed per round.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;
}
