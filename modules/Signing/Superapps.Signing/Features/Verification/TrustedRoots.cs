using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Superapps.Signing.Features.Verification;

/// <summary>Roots trusted for verification besides the city's own: <c>TrustedRootsPem</c> and the files in <c>TrustedRootsDirectory</c>.</summary>
internal sealed class TrustedRoots(IOptions<SigningOptions> options)
{
    private readonly Lazy<X509Certificate2Collection> _extra = new(() => Load(options.Value));

    public X509Certificate2Collection Extra => _extra.Value;

    private static X509Certificate2Collection Load(SigningOptions settings)
    {
        var roots = new X509Certificate2Collection();
        if (!string.IsNullOrWhiteSpace(settings.TrustedRootsPem))
        {
            roots.ImportFromPem(settings.TrustedRootsPem);
        }

        if (!string.IsNullOrWhiteSpace(settings.TrustedRootsDirectory) && Directory.Exists(settings.TrustedRootsDirectory))
        {
            foreach (var path in Directory.EnumerateFiles(settings.TrustedRootsDirectory))
            {
                var extension = Path.GetExtension(path).ToLowerInvariant();
                if (extension == ".pem")
                {
                    roots.ImportFromPemFile(path);
                }
                else if (extension is ".crt" or ".cer" or ".der")
                {
                    var bytes = File.ReadAllBytes(path);
                    if (bytes.Length > 0 && bytes[0] == (byte)'-')
                    {
                        roots.ImportFromPemFile(path);
                    }
                    else
                    {
                        roots.Add(X509CertificateLoader.LoadCertificate(bytes));
                    }
                }
            }
        }

        return roots;
    }
}
