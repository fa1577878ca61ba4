using System.Security.Cryptography;

namespace Superapps.Signing.Features.Authority;

/// <summary>The passphrase did not decrypt the private key.</summary>
internal sealed class WrongPassphraseException() : Exception("The passphrase did not decrypt the key.");

/// <summary>Private keys at rest: encrypted PKCS#8 (PBES2 with AES-256-CBC and PBKDF2-SHA256).</summary>
internal static class KeyProtection
{
    public static byte[] Encrypt(RSA key, string password, int iterations) =>
        key.ExportEncryptedPkcs8PrivateKey(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, iterations));

    /// <summary>Decrypts a key; throws <see cref="WrongPassphraseException"/> when the password is wrong.</summary>
    public static RSA Decrypt(byte[] encryptedKey, string password)
    {
        var key = RSA.Create();
        try
        {
            key.ImportEncryptedPkcs8PrivateKey(password, encryptedKey, out _);
            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw new WrongPassphraseException();
        }
    }
}
