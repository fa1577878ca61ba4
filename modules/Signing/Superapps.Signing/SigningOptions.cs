using System.ComponentModel.DataAnnotations;

namespace Superapps.Signing;

/// <summary>Which signing provider signs documents.</summary>
public enum SigningProviderKind
{
    /// <summary>The city's own certification authority (built in, the default).</summary>
    CityCa = 0,

    /// <summary>BSrE, BSSN's national signing service, through its HTTP e-sign API.</summary>
    Bsre = 1,
}

/// <summary>Settings of the Signing module (section <c>Superapps:Signing</c>).</summary>
public sealed class SigningOptions
{
    public const string Section = "Superapps:Signing";

    /// <summary>The provider that signs: <c>CityCa</c> (default) or <c>Bsre</c>.</summary>
    public SigningProviderKind Provider { get; set; } = SigningProviderKind.CityCa;

    /// <summary>
    /// The folder holding the secret that protects the CA's private keys (<c>ca-key-secret</c>), created on first run.
    /// Defaults to <c>keys/signing</c> under <c>Superapps:DataDirectory</c> (git-ignored <c>.data/</c>). Every instance of the
    /// portal must see the same secret: put the folder on shared storage, or copy the file, when running several.
    /// </summary>
    public string? KeyDirectory { get; set; }

    /// <summary>The public address verification links point at (printed in QR codes), e.g. <c>https://superapps.kotademo.go.id/</c>.
    /// Also the base of the CRL and CA certificate addresses written into certificates.</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>The organisation (O) in certificates; defaults to <c>Superapps:City:GovernmentName</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Organization { get; set; } = "Pemerintah Kota";

    /// <summary>The CA's display name, e.g. "Kota Demo"; used in the CA certificates' common names.</summary>
    [Required(AllowEmptyStrings = false)]
    public string CaName { get; set; } = "Pemerintah Kota";

    /// <summary>PBKDF2-SHA256 iterations protecting each user's private key with their passphrase (docs/adr/0009).</summary>
    [Range(10_000, 10_000_000)]
    public int PassphraseIterations { get; set; } = 100_000;

    /// <summary>Extra trusted roots for verification (e.g. BSrE's), as PEM text with one or more certificates.</summary>
    public string? TrustedRootsPem { get; set; }

    /// <summary>A folder of extra trusted root certificates (.pem, .crt, .cer) for verification.</summary>
    public string? TrustedRootsDirectory { get; set; }

    /// <summary>Largest PDF accepted for upload on the verification page, in bytes (default 20 MB).</summary>
    [Range(1024, 200 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The BSrE adapter's settings, used when <see cref="Provider"/> is <c>Bsre</c>.</summary>
    public BsreOptions Bsre { get; set; } = new();
}

/// <summary>Settings of the BSrE e-sign API adapter (section <c>Superapps:Signing:Bsre</c>).</summary>
public sealed class BsreOptions
{
    /// <summary>The e-sign API's base address, e.g. <c>https://esign.example.go.id/</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The client id for HTTP basic authentication.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret for HTTP basic authentication (from the environment or a secret store).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How long one call may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
