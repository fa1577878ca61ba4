using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Superapps.Adapters.Proxy.Identity;

/// <summary>
/// The ES256 key that signs the identity assertion, kept as PKCS#8 PEM (<c>proxy-assertion.p8</c>) in
/// <see cref="ProxyOptions.KeyDirectory"/>, created on first use; its <c>kid</c> is its JWK thumbprint (RFC 7638).
/// Never in the database, never in the repository.
/// </summary>
internal sealed class AssertionKey : IDisposable
{
    public const string FileName = "proxy-assertion.p8";

    private readonly ECDsa _ecdsa;

    public AssertionKey(IOptions<ProxyOptions> options)
        : this(LoadOrCreate(options.Value.KeyDirectory ?? Path.Combine(".data", "keys", "proxy")))
    {
    }

    internal AssertionKey(ECDsa ecdsa)
    {
        _ecdsa = ecdsa;
        var publicKey = new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(includePrivateParameters: false)));
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(publicKey);
        KeyId = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
        SigningKey = new ECDsaSecurityKey(ecdsa) { KeyId = KeyId };
        Jwks = JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = KeyId, use = "sig", alg = SecurityAlgorithms.EcdsaSha256 } },
        });
    }

    public string KeyId { get; }

    public ECDsaSecurityKey SigningKey { get; }

    /// <summary>The public key set served at <c>/apps/.well-known/jwks.json</c>.</summary>
    public string Jwks { get; }

    public void Dispose() => _ecdsa.Dispose();

    private static ECDsa LoadOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            // Written in full to a private temporary file, then moved into place without overwriting: a second instance starting
            // at the same time either wins the move or reads the winner's complete file.
            var temporary = Path.Combine(directory, $"{FileName}.{Guid.NewGuid():N}.tmp");
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, fileOptions))
            {
                writer.Write(fresh.ExportPkcs8PrivateKeyPem());
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(path));
        return ecdsa;
    }
}
