using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Superapps.Identity.Features.Connect;

/// <summary>
/// Token signing and encryption certificates, created on first run and kept in the data folder,
/// so a restart logs nobody out. In production, mount the folder from a secret store.
/// </summary>
internal static class SigningKeys
{
    public static X509Certificate2 LoadOrCreate(string directory, string name, X509KeyUsageFlags usage)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".pfx");
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest($"CN=Superapps {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(5));
            var temporary = path + ".tmp";
            File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pfx));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, path, overwrite: false);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
